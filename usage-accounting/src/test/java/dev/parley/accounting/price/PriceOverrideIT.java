package dev.parley.accounting.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.events.CallOutcome;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;

/** An admin price override wins over the configured table for usage applied after it. */
class PriceOverrideIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PriceBook prices;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void anOverriddenPriceIsUsedForTheNextDebits() throws Exception {
        String model = "custom-" + UUID.randomUUID();
        assertThat(prices.priceOf(model)).isEqualTo(ModelPrice.ONE_CREDIT_PER_TOKEN);

        mvc.perform(put("/internal/admin/prices").header(HttpHeaders.AUTHORIZATION, "Bearer " + SERVICE_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"model\":\"" + model + "\",\"input\":3000000,\"output\":0,\"cachedInput\":0}"))
                .andExpect(status().isOk());
        mvc.perform(get("/internal/admin/prices").header(HttpHeaders.AUTHORIZATION, "Bearer " + SERVICE_TOKEN))
                .andExpect(jsonPath("$.overrides['" + model + "'].input").value(3_000_000))
                .andExpect(jsonPath("$.configured").isEmpty())
                .andExpect(jsonPath("$.defaultPrice.output").value(1_000_000));

        UsageRecorded usage = UsageRecorded.newBuilder().setEventId(UUID.randomUUID().toString())
                .setRequestId(UUID.randomUUID().toString()).setUserId(newUserId()).setProvider("custom")
                .setModel(model).setInputTokens(100).setOutputTokens(999).setSource(UsageSource.ESTIMATED)
                .setOutcome(CallOutcome.CANCELLED).setRecordedAt(Instant.now()).build();
        kafka.send(Topics.USAGE_RECORDED, usage.getUserId(), usage).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.find(usage.getEventId())
                .filter(entry -> entry.state() == LedgerState.APPLIED).isPresent());

        assertThat(ledger.find(usage.getEventId()).orElseThrow().amount()).isEqualTo(300);
    }
}
