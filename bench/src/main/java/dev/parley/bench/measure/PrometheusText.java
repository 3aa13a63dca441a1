package dev.parley.bench.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the Prometheus text exposition format (what /actuator/prometheus serves) into samples. */
public final class PrometheusText {

    /** One line: {@code name{labels} value}. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private PrometheusText() {
    }

    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                samples.add(parseLine(trimmed));
            }
        }
        return samples;
    }

    static Sample parseLine(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (brace < 0 || (space >= 0 && space < brace)) {
            return new Sample(line.substring(0, space), Map.of(), value(line.substring(space + 1)));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int end = parseLabels(line, brace + 1, labels);
        return new Sample(line.substring(0, brace), labels, value(line.substring(end + 1)));
    }

    // Returns the index of the closing brace. Label values escape \, " and newline with a backslash.
    private static int parseLabels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String name = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            int j = equals + 2; // past ="
            for (; line.charAt(j) != '"'; j++) {
                char c = line.charAt(j);
                if (c == '\\') {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
            }
            labels.put(name, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i;
    }

    private static double value(String rest) {
        String number = rest.strip().split(" +")[0];
        return switch (number) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(number);
        };
    }
}
