package dev.parley.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class IdleMemoryTest {

    @Test
    void perStreamIsTheGrowthFromHalfToAllOverTheStreamsOpenedInBetween() {
        // 500 then 990 streams open: 490 more, 490 * 20 KiB more heap and 490 * 30 KB more RSS
        IdleMemory idle = IdleMemory.of("openai", 1000, 500, 990,
                new long[] {100L << 20, (100L << 20) + 500 * 40 * 1024, (100L << 20) + 500 * 40 * 1024 + 490 * 20 * 1024},
                new long[] {300_000, 320_000, 320_000 + 490 * 30}, List.of());

        assertThat(idle.heapKbPerStream()).isCloseTo(20.0, within(1e-9));
        assertThat(idle.rssKbPerStream()).isCloseTo(30.0, within(1e-9));
        // from none: (500 * 40 + 490 * 20) KiB over 990 streams
        assertThat(idle.heapKbPerStreamFromNone()).isCloseTo((500 * 40 + 490 * 20) / 990.0, within(1e-9));
    }

    @Test
    void noStreamOpenedInTheSecondHalfGivesNoFigure() {
        IdleMemory idle = IdleMemory.of("native", 1000, 0, 0, new long[] {1, 2, 3}, new long[] {1, 2, 3}, List.of());

        assertThat(idle.heapKbPerStream()).isNaN();
        assertThat(idle.rssKbPerStream()).isNaN();
        assertThat(idle.heapKbPerStreamFromNone()).isNaN();
    }

    @Test
    void theMarkdownRowGivesThePerStreamFiguresAndTheSnapshotsInMb() {
        IdleMemory idle = IdleMemory.of("openai", 1000, 500, 1000,
                new long[] {100L << 20, 110L << 20, 120L << 20}, new long[] {400 * 1024, 420 * 1024, 440 * 1024},
                List.of());

        assertThat(MarkdownReport.idleRow(idle))
                .startsWith("| openai | 1000 of 1000 | **20.5** | 20.5 | 41.0 | 100 / 110 / 120 | 400 / 420 / 440 |");
    }
}
