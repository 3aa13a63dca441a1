package dev.parley.bench.report;

import java.util.Locale;

/** Number formats of the Markdown report. */
final class Fmt {

    private Fmt() {
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        return Math.abs(millis) >= 100 ? String.format(Locale.ROOT, "%.0f", millis)
                : String.format(Locale.ROOT, "%.1f", millis);
    }

    static String num(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
