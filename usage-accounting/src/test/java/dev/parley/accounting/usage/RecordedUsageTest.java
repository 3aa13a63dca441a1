package dev.parley.accounting.usage;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

class RecordedUsageTest {

    @Test
    void acceptsACompleteRecord() {
        assertThatNoException().isThrownBy(() -> usage("e", "u", 1, 2));
    }

    @Test
    void rejectsMissingIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> usage(" ", "u", 1, 2)).withMessageContaining("eventId");
        assertThatIllegalArgumentException().isThrownBy(() -> usage("e", null, 1, 2)).withMessageContaining("userId");
    }

    @Test
    void rejectsNegativeTokenCounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> usage("e", "u", -1, 2))
                .withMessageContaining("inputTokens");
        assertThatIllegalArgumentException().isThrownBy(() -> usage("e", "u", 1, -2))
                .withMessageContaining("outputTokens");
    }

    @Test
    void rejectsTokenTotalsThatOverflow() {
        assertThatIllegalArgumentException().isThrownBy(() -> usage("e", "u", Long.MAX_VALUE, 1))
                .withMessageContaining("overflows");
    }

    private static RecordedUsage usage(String eventId, String userId, long input, long output) {
        return new RecordedUsage(eventId, "r", userId, null, "p", "m", input, output, 0, 0, "ESTIMATED", "FAILED",
                false, null, null);
    }
}
