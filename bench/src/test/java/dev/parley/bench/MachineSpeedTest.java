package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MachineSpeedTest {

    @Test
    void describesRoundTripsAndTheLoopWithTheirFigures() throws InterruptedException {
        String described = new MachineSpeed(500, 3, 1_000_000).measure();

        Matcher figures = Pattern.compile("took ([\\d.]+) us at p50 back to back \\(p99 ([\\d.]+)\\), ([\\d.]+) us "
                + "after 30 ms of quiet; 1,000,000 iterations of a fixed arithmetic loop took (\\d+) ms\\.")
                .matcher(described);
        assertThat(figures.find()).as(described).isTrue();
        double p50 = Double.parseDouble(figures.group(1));
        assertThat(p50).isPositive();
        assertThat(Double.parseDouble(figures.group(2))).isGreaterThanOrEqualTo(p50);
        assertThat(Double.parseDouble(figures.group(3))).isPositive();
        assertThat(Long.parseLong(figures.group(4))).isNotNegative();
    }
}
