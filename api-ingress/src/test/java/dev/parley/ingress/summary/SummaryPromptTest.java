package dev.parley.ingress.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.events.ChatRole;
import dev.parley.contracts.accounting.UsageReport;
import tools.jackson.databind.json.JsonMapper;

class SummaryPromptTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Map<String, Object> row(String key, long requests, long cost) {
        var row = new HashMap<String, Object>(Map.of("requests", requests, "inputTokens", requests * 10,
                "outputTokens", requests * 5, "cachedInputTokens", 0, "cost", cost, "users", 1));
        row.put("key", key);
        return row;
    }

    static UsageReport report(List<Map<String, Object>> rows) {
        return JSON.convertValue(Map.of("from", "2025-03-01", "to", "2025-03-31", "groupBy", "model", "rows", rows,
                "totals", row(null, 99, 1234)), UsageReport.class);
    }

    @Test
    void reportBecomesATableWithTotals() {
        var rows = new ArrayList<Map<String, Object>>();
        rows.add(row("mock-1", 3, 42));
        rows.add(row(null, 1, 7));
        String table = SummaryPrompt.table(report(rows));

        assertThat(table).startsWith("Usage report from 2025-03-01 to 2025-03-31, by model.");
        assertThat(table).contains("| model | requests | input tokens | output tokens | cached input tokens | credits |")
                .contains("| mock-1 | 3 | 30 | 15 | 0 | 42 |")
                .contains("| (none) | 1 | 10 | 5 | 0 | 7 |")
                .endsWith("| **total** | 99 | 990 | 495 | 0 | 1234 |");
    }

    @Test
    void longReportsAreCutButKeepTheirTotals() {
        var rows = new ArrayList<Map<String, Object>>();
        for (int day = 0; day < SummaryPrompt.MAX_ROWS + 5; day++) {
            rows.add(row("day-" + day, 1, 1));
        }
        String table = SummaryPrompt.table(report(rows));

        assertThat(table).contains("| day-99 |").doesNotContain("| day-100 |").contains("... 5 more rows")
                .contains("**total**");
    }

    @Test
    void contextIsTheInstructionThenTheReport() {
        var context = SummaryPrompt.context("the table");

        assertThat(context).extracting(message -> message.getRole()).containsExactly(ChatRole.SYSTEM, ChatRole.USER);
        assertThat(context.get(0).getContent()).contains("narrative summary").contains("billing administrator");
        assertThat(context.get(1).getContent()).isEqualTo("the table");
    }
}
