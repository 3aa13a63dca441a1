package dev.parley.worker.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

class ProviderConnectionsTest {

    final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theDefaultsAreValid() {
        assertThat(validator.validate(ProviderConnections.defaults())).isEmpty();
    }

    /** OkHttp's pool refuses a keep-alive of zero with an exception that names no setting. */
    @Test
    void aKeepAliveOfZeroIsRefusedByName() {
        assertThat(validator.validate(new ProviderConnections(8, Duration.ZERO)))
                .extracting(ConstraintViolation::getMessage).containsExactly("keep-alive must be positive");
    }

    @Test
    void noIdleConnectionsIsAllowedButNotFewer() {
        assertThat(validator.validate(new ProviderConnections(0, Duration.ofMinutes(1)))).isEmpty();
        assertThat(validator.validate(new ProviderConnections(-1, Duration.ofMinutes(1)))).hasSize(1);
    }
}
