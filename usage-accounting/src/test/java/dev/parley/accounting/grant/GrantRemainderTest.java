package dev.parley.accounting.grant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrantRemainderTest {

    @Test
    void anUntouchedGrantIsTakenBackWhole() {
        assertThat(GrantRemainder.of(1_000, 50, 50, 5_000)).isEqualTo(1_000);
    }

    @Test
    void usageSinceTheGrantSpendsItFirst() {
        assertThat(GrantRemainder.of(1_000, 50, 350, 5_000)).isEqualTo(700);
        assertThat(GrantRemainder.of(1_000, 50, 5_050, 5_000)).isZero();
    }

    @Test
    void neverTakesMoreThanTheBalanceHolds() {
        assertThat(GrantRemainder.of(1_000, 0, 0, 400)).isEqualTo(400);
        assertThat(GrantRemainder.of(1_000, 0, 0, -10)).isZero();
    }
}
