package dev.parley.bench.idle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.parley.bench.report.IdleMemory.ClassShare;

class ClassHistogramTest {

    private static final String BEFORE = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          1000         100000  [B (java.base@21.0.5)
               2:           500          12000  java.lang.String (java.base@21.0.5)
               3:            10            640  org.apache.coyote.http11.Http11Processor
            Total          1510         112640
            """;
    private static final String AFTER = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          1400        3376000  [B (java.base@21.0.5)
               2:           700          16800  java.lang.String (java.base@21.0.5)
               3:           210          13440  org.apache.coyote.http11.Http11Processor
               4:           200           6400  dev.parley.Thing
               5:             2             64  dev.parley.Thing
               6:            10           4000  [Ljdk.internal.vm.FillerElement; (java.base@21.0.5)
            Total          2522        3416704
            """;

    @Test
    void readsTheTotalAndEachClassAddingUpNamesSeenTwiceWithoutTheJvmsFillers() {
        ClassHistogram histogram = ClassHistogram.parse(AFTER);

        assertThat(histogram.totalBytes()).isEqualTo(3_412_704);
        assertThat(histogram.classes()).doesNotContainKey("[Ljdk.internal.vm.FillerElement;");
        assertThat(histogram.classes().get("[B")).isEqualTo(new ClassHistogram.Entry(1400, 3_376_000));
        assertThat(histogram.classes().get("dev.parley.Thing")).isEqualTo(new ClassHistogram.Entry(202, 6464));
    }

    @Test
    void theGrowthPerStreamIsTheDifferenceOverTheStreamsLargestFirst() {
        var growth = ClassHistogram.parse(AFTER).growthPerStream(ClassHistogram.parse(BEFORE), 200, 3);

        assertThat(growth).containsExactly(new ClassShare("[B", 2.0, 16_380.0),
                new ClassShare("org.apache.coyote.http11.Http11Processor", 1.0, 64.0),
                new ClassShare("dev.parley.Thing", 1.01, 32.32));
    }

    @Test
    void noStreamsNoGrowth() {
        assertThat(ClassHistogram.parse(AFTER).growthPerStream(ClassHistogram.parse(BEFORE), 0, 3)).isEmpty();
    }

    @Test
    void refusesWhatIsNotAHistogram() {
        assertThatThrownBy(() -> ClassHistogram.parse("12345:\nCommand executed successfully\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
