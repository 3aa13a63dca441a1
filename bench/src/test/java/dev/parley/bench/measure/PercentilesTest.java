package dev.parley.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.parley.bench.measure.Percentiles.Summary;

class PercentilesTest {

    @Test
    void nearestRankOfOneToAHundred() {
        double[] values = IntStream.rangeClosed(1, 100).mapToDouble(i -> i).toArray();

        assertThat(Percentiles.of(values, 50)).isEqualTo(50);
        assertThat(Percentiles.of(values, 90)).isEqualTo(90);
        assertThat(Percentiles.of(values, 99)).isEqualTo(99);
        assertThat(Percentiles.of(values, 100)).isEqualTo(100);
    }

    @Test
    void fewSamplesGiveTheSmallestValueCoveringTheShare() {
        double[] values = {1, 2, 3};

        assertThat(Percentiles.of(values, 50)).isEqualTo(2);
        assertThat(Percentiles.of(values, 99)).isEqualTo(3);
        assertThat(Percentiles.of(new double[] {7}, 1)).isEqualTo(7);
        assertThat(Percentiles.of(new double[0], 50)).isNaN();
    }

    @Test
    void summarizesUnsortedSamples() {
        Summary summary = Percentiles.summarize(new double[] {9, 1, 5, 3, 7, 2, 8, 4, 6, 10});

        assertThat(summary).isEqualTo(new Summary(10, 5, 9, 10, 10, 5.5));
        assertThat(Percentiles.summarize(new double[0])).isEqualTo(Summary.EMPTY);
    }
}
