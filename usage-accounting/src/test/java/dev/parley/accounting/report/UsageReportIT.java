package dev.parley.accounting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.accounting.ledger.LedgerType;
import dev.parley.accounting.price.ModelPrice;
import dev.parley.accounting.price.PriceBook;
import dev.parley.accounting.price.PriceTopic;
import dev.parley.events.CallOutcome;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Prices apply per model, and the numbers in the reports equal the sums of the ledger. */
class UsageReportIT extends IntegrationTest {

    private static final String DAY = "2031-05-17";
    private static final Instant AT = LocalDate.parse(DAY).atTime(12, 0).toInstant(ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    AccountRepository accounts;
    @Autowired
    MongoOperations mongo;
    @Autowired
    ObjectMapper json;
    @Autowired
    PriceBook prices;

    @Test
    void aCheapAndAnExpensiveModelDebitDifferently() throws Exception {
        String user = newUserId();
        PriceTopic.publishAndAwait(INFRA, prices, "gpt-4.1", new ModelPrice(2_000_000, 8_000_000, 500_000));
        PriceTopic.publishAndAwait(INFRA, prices, "gpt-4o-mini", new ModelPrice(150_000, 600_000, 75_000));
        UsageRecorded expensive = usage(user, "gpt-4.1", 1_000, 500, AT);
        UsageRecorded cheap = usage(user, "gpt-4o-mini", 1_000, 500, AT);

        publishAndAwait(List.of(expensive, cheap));

        assertThat(ledger.find(expensive.getEventId()).orElseThrow().amount()).isEqualTo(6_000);
        assertThat(ledger.find(cheap.getEventId()).orElseThrow().amount()).isEqualTo(450);
        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(STARTING_BALANCE - 6_450);
        report("/internal/accounts/" + user + "/usage?groupBy=model&from=" + DAY + "&to=" + DAY)
                .andExpect(jsonPath("$.rows[0].key").value("gpt-4.1"))
                .andExpect(jsonPath("$.rows[0].cost").value(6_000))
                .andExpect(jsonPath("$.rows[1].key").value("gpt-4o-mini"))
                .andExpect(jsonPath("$.rows[1].cost").value(450))
                .andExpect(jsonPath("$.totals.requests").value(2));
    }

    @Test
    void everyBreakdownTotalsToTheSumOfTheLedger() throws Exception {
        String first = newUserId();
        String second = newUserId();
        publishAndAwait(List.of(usage(first, "mock-1", 120, 30, AT), usage(first, "gpt-4.1", 333, 77, AT),
                usage(second, "gpt-4o-mini", 5_000, 1_234, AT.plus(Duration.ofDays(1))),
                usage(second, "mock-1", 9, 1, AT.minus(Duration.ofDays(40)))));
        String from = LocalDate.parse(DAY).minusDays(60).toString();
        String to = LocalDate.parse(DAY).plusDays(1).toString();
        long ledgerSum = debitedInLedger(from, to);

        for (String groupBy : List.of("day", "user", "organisation", "model")) {
            assertThat(totalCost("/internal/admin/usage?groupBy=" + groupBy + "&from=" + from + "&to=" + to))
                    .as(groupBy).isEqualTo(ledgerSum);
        }
        // month buckets cover whole months; this range starts on a month's first day
        String monthStart = LocalDate.parse(from).withDayOfMonth(1).toString();
        assertThat(totalCost("/internal/admin/usage?groupBy=month&from=" + monthStart + "&to=" + to))
                .isEqualTo(debitedInLedger(monthStart, LocalDate.parse(to).withDayOfMonth(
                        LocalDate.parse(to).lengthOfMonth()).toString()));
        JsonNode transactions = body("/internal/admin/transactions?from=" + from + "&to=" + to + "&size=1");
        assertThat(transactions.get("aggregates").get("totalDebited").asLong()).isGreaterThanOrEqualTo(ledgerSum);
        JsonNode ofFirst = body("/internal/accounts/" + first + "/transactions?from=" + DAY + "&to=" + DAY);
        assertThat(ofFirst.get("totalItems").asLong()).isEqualTo(2);
        assertThat(ofFirst.get("aggregates").get("totalDebited").asLong())
                .isEqualTo(totalCost("/internal/accounts/" + first + "/usage?from=" + DAY + "&to=" + DAY));
    }

    @Test
    void aReportGroupsBySeveralKeysAtOnceWithAveragesPerUser() throws Exception {
        String first = newUserId();
        String second = newUserId();
        String day = "2031-08-09";
        Instant at = LocalDate.parse(day).atTime(9, 0).toInstant(ZoneOffset.UTC);
        publishAndAwait(List.of(usage(first, "mock-1", 100, 20, at), usage(first, "mock-1", 50, 10, at),
                usage(second, "mock-1", 300, 60, at), usage(second, "mock-2", 10, 2, at)));

        JsonNode report = body("/internal/admin/usage?groupBy=model,user&from=" + day + "&to=" + day);

        assertThat(report.get("groupBy").asText()).isEqualTo("model,user");
        assertThat(report.get("rows")).hasSize(3);
        JsonNode firstOnMock = report.get("rows").valueStream()
                .filter(row -> row.at("/keys/user").asText().equals(first)).findFirst().orElseThrow();
        assertThat(firstOnMock.at("/keys/model").asText()).isEqualTo("mock-1");
        assertThat(firstOnMock.get("requests").asLong()).isEqualTo(2);
        assertThat(firstOnMock.get("key").asText()).isEqualTo("mock-1|" + first);
        assertThat(firstOnMock.get("users").asLong()).isEqualTo(1);

        JsonNode byModel = body("/internal/admin/usage?groupBy=model&from=" + day + "&to=" + day);
        JsonNode mock = byModel.get("rows").valueStream().filter(row -> row.get("key").asText().equals("mock-1"))
                .findFirst().orElseThrow();
        assertThat(mock.get("users").asLong()).isEqualTo(2);
        assertThat(mock.at("/perUser/requests").asDouble()).isEqualTo(1.5);
        assertThat(mock.at("/perUser/inputTokens").asDouble()).isEqualTo(225.0);
        assertThat(mock.has("keys")).isFalse();
        assertThat(byModel.at("/totals/users").asLong()).isEqualTo(2);
        assertThat(byModel.at("/totals/perUser/requests").asDouble()).isEqualTo(2.0);

        JsonNode byDayAndModel = body("/internal/admin/usage?groupBy=day,model&from=" + day + "&to=" + day);
        assertThat(byDayAndModel.get("rows")).hasSize(2);
        mvc.perform(get("/internal/admin/usage?groupBy=day,month").header(HttpHeaders.AUTHORIZATION, bearer()))
                .andExpect(status().isBadRequest());
        JsonNode ownByModel = body("/internal/accounts/" + second + "/usage?groupBy=day,model&from=" + day + "&to="
                + day);
        assertThat(ownByModel.get("rows")).hasSize(2);
        assertThat(ownByModel.at("/totals/perUser/cost").asDouble())
                .isEqualTo(ownByModel.at("/totals/cost").asDouble());
        mvc.perform(get("/internal/accounts/" + second + "/usage?groupBy=model,user")
                        .header(HttpHeaders.AUTHORIZATION, bearer()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anUnknownBreakdownIsABadRequestProblem() throws Exception {
        mvc.perform(get("/internal/admin/usage?groupBy=week").header(HttpHeaders.AUTHORIZATION, bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:bad-request"));
        mvc.perform(get("/internal/admin/usage?from=2030-02-01&to=2030-01-01").header(HttpHeaders.AUTHORIZATION,
                bearer())).andExpect(status().isBadRequest());
    }

    private long debitedInLedger(String from, String to) {
        Instant start = LocalDate.parse(from).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = LocalDate.parse(to).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return mongo.find(Query.query(where("type").is(LedgerType.DEBIT.name()).and("state")
                .is(LedgerState.APPLIED.name()).and("recordedAt").gte(start).lt(end)), LedgerEntry.class)
                .stream().mapToLong(LedgerEntry::amount).sum();
    }

    private long totalCost(String path) throws Exception {
        return body(path).get("totals").get("cost").asLong();
    }

    private JsonNode body(String path) throws Exception {
        return json.readTree(report(path).andReturn().getResponse().getContentAsString());
    }

    private ResultActions report(String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer())).andExpect(status().isOk());
    }

    private void publishAndAwait(List<UsageRecorded> events) throws Exception {
        for (UsageRecorded event : events) {
            kafka.send(Topics.USAGE_RECORDED, event.getUserId(), event).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().allMatch(event -> ledger
                .find(event.getEventId()).filter(entry -> entry.state() == LedgerState.APPLIED).isPresent()));
    }

    private static UsageRecorded usage(String user, String model, long input, long output, Instant at) {
        return UsageRecorded.newBuilder().setEventId(UUID.randomUUID().toString())
                .setRequestId(UUID.randomUUID().toString()).setUserId(user).setProvider("openai").setModel(model)
                .setInputTokens(input).setOutputTokens(output).setSource(UsageSource.PROVIDER_REPORTED)
                .setOutcome(CallOutcome.COMPLETED).setRecordedAt(at).build();
    }

    private static String bearer() {
        return "Bearer " + SERVICE_TOKEN;
    }
}
