package dev.parley.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextScopeTest {

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void aScopeGivesEveryKeyBackWhatItHeldAndLeavesOtherKeysAlone() {
        MDC.put(LogContext.USER_ID, "batch-user");
        MDC.put(LogContext.REQUEST_ID, "http-1");

        try (var scope = LogContext.scope(LogContext.USER_ID, "u-7", LogContext.CHAT_REQUEST_ID, "r-9")) {
            assertThat(MDC.get(LogContext.USER_ID)).isEqualTo("u-7");
            assertThat(MDC.get(LogContext.CHAT_REQUEST_ID)).isEqualTo("r-9");
        }

        assertThat(MDC.get(LogContext.USER_ID)).isEqualTo("batch-user");
        assertThat(MDC.get(LogContext.CHAT_REQUEST_ID)).isNull();
        assertThat(MDC.get(LogContext.REQUEST_ID)).isEqualTo("http-1");
    }

    @Test
    void anUnsafeValueIsNotPutAndTheKeyKeepsItsValue() {
        MDC.put(LogContext.USER_ID, "batch-user");

        try (var scope = LogContext.scope(LogContext.USER_ID, "not safe\nvalue")) {
            assertThat(MDC.get(LogContext.USER_ID)).isEqualTo("batch-user");
        }

        assertThat(MDC.get(LogContext.USER_ID)).isEqualTo("batch-user");
    }

    @Test
    void keysAndValuesComeInPairs() {
        assertThatThrownBy(() -> LogContext.scope(LogContext.USER_ID)).isInstanceOf(IllegalArgumentException.class);
    }
}
