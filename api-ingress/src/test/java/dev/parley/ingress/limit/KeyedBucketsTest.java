package dev.parley.ingress.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class KeyedBucketsTest {

    final ManualTime time = new ManualTime();
    final KeyedBuckets buckets = new KeyedBuckets(60, Duration.ofMinutes(1), time);

    @Test
    void sixtyPerMinuteThenTheWaitForTheNextToken() {
        for (int i = 0; i < 60; i++) {
            assertThat(buckets.consume("u1")).isZero();
        }

        assertThat(buckets.consume("u1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(buckets.consume("u2")).isZero();
        time.advance(Duration.ofSeconds(1));
        assertThat(buckets.consume("u1")).isZero();
    }

    @Test
    void anUnknownKeyIsNotBlockedAndHoldsNoBucket() {
        assertThat(buckets.blockedFor("nobody")).isZero();
        assertThat(buckets.size()).isZero();
    }
}
