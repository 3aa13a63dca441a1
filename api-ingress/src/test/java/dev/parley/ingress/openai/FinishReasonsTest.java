package dev.parley.ingress.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.parley.events.FinishReason;

class FinishReasonsTest {

    @Test
    void parleyReasonsMapToOpenAis() {
        assertThat(FinishReasons.of(FinishReason.STOP.name())).isEqualTo("stop");
        assertThat(FinishReasons.of(FinishReason.LENGTH.name())).isEqualTo("length");
        assertThat(FinishReasons.of(FinishReason.CANCELLED.name())).isEqualTo("stop");
        assertThat(FinishReasons.of(FinishReason.CONTENT_FILTER.name())).isEqualTo("content_filter");
        assertThat(FinishReasons.of(FinishReason.OTHER.name())).isEqualTo("stop");
        assertThat(FinishReasons.of(null)).isEqualTo("stop");
    }
}
