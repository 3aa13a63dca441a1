package dev.parley.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

class StreamSettingsTest {

    final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aWindowThatWidensIsValid() {
        assertThat(validator.validate(new WorkerProperties.Stream(Duration.ofMillis(50), 128, Duration.ofMillis(200),
                5000))).isEmpty();
    }

    @Test
    void theLongestWindowMayNotBeShorterThanTheUsualOne() {
        assertThat(validator.validate(new WorkerProperties.Stream(Duration.ofMillis(50), 128, Duration.ofMillis(40),
                5000))).extracting(ConstraintViolation::getMessage)
                .containsExactly("max-flush-interval must not be shorter than flush-interval");
    }

    @Test
    void aNegativeEventRateIsRefused() {
        assertThat(validator.validate(new WorkerProperties.Stream(Duration.ofMillis(50), 128, Duration.ofMillis(200),
                -1))).hasSize(1);
    }
}
