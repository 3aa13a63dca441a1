package dev.parley.ingress.summary;

import java.util.ArrayList;
import java.util.List;

import dev.parley.contracts.accounting.UsageReport;
import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRole;

/**
 * The model context that asks for a narrative summary of a usage report: an instruction for the model, then the
 * report as a compact Markdown table. Only the first {@link #MAX_ROWS} rows go in, so that a long report cannot
 * exceed a request's context budget; the totals always do.
 */
final class SummaryPrompt {

    static final int MAX_ROWS = 100;

    static final String INSTRUCTION = """
            You are a billing analyst for Parley, a chat service that bills model usage in credits. Write a concise \
            narrative summary of the usage report below for a billing administrator: overall volume and cost, the \
            largest contributors, notable trends or outliers, and anything that needs attention. Keep it under 200 \
            words. Use only the numbers in the report; never invent data. With the default prices one credit is one \
            micro-dollar, and the built-in mock models cost one credit per token.""";

    private SummaryPrompt() {
    }

    static List<ChatMessage> context(String table) {
        return List.of(new ChatMessage(ChatRole.SYSTEM, INSTRUCTION, List.of()), new ChatMessage(ChatRole.USER, table, List.of()));
    }

    /** @param report usage-accounting's report: {from, to, groupBy, rows: [...], totals} */
    static String table(UsageReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("Usage report from " + text(report.from(), "the beginning") + " to " + text(report.to(), "today")
                + ", by " + text(report.groupBy(), "day") + ".");
        lines.add("");
        lines.add("| " + text(report.groupBy(), "key") + " | requests | input tokens | output tokens "
                + "| cached input tokens | credits |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        List<UsageReport.Row> rows = report.rows() == null ? List.of() : report.rows();
        for (int index = 0; index < Math.min(rows.size(), MAX_ROWS); index++) {
            lines.add(row(text(rows.get(index).key(), "(none)"), rows.get(index)));
        }
        if (rows.size() > MAX_ROWS) {
            lines.add("| ... " + (rows.size() - MAX_ROWS) + " more rows | | | | | |");
        }
        lines.add(row("**total**", report.totals()));
        return String.join("\n", lines);
    }

    private static String row(String key, UsageReport.Row row) {
        if (row == null) {
            return "| " + key + " | 0 | 0 | 0 | 0 | 0 |";
        }
        return "| " + key + " | " + row.requests() + " | " + row.inputTokens() + " | " + row.outputTokens() + " | "
                + row.cachedInputTokens() + " | " + row.cost() + " |";
    }

    private static String text(Object value, String absent) {
        return value == null || value.toString().isBlank() ? absent : value.toString();
    }
}
