package dev.parley.accounting.usage;

import static dev.parley.accounting.usage.UsageEvents.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.events.UsageRecorded;
import io.micrometer.core.instrument.MeterRegistry;

class UsageRecordedListenerIT extends IntegrationTest {

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    AccountRepository accounts;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    MeterRegistry meters;

    private UsageTopic topic;

    @BeforeEach
    void topic() {
        topic = new UsageTopic(kafka, ledger);
    }

    @Test
    void debitsTheBalanceByExactlyTheTokensOfTheCall() throws Exception {
        String user = newUserId();
        UsageRecorded event = usage(user, 120, 80);

        publish(event);

        Account account = awaitApplied(event);
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE - 200);
        assertThat(account.startingBalance()).isEqualTo(STARTING_BALANCE);
        assertThat(account.inputTokens()).isEqualTo(120);
        assertThat(account.outputTokens()).isEqualTo(80);
        assertThat(account.debitedTokens()).isEqualTo(200);
        LedgerEntry entry = ledger.find(event.getEventId()).orElseThrow();
        assertThat(entry.amount()).isEqualTo(200);
        assertThat(entry.userId()).isEqualTo(user);
        assertThat(entry.requestId()).isEqualTo(event.getRequestId());
        assertThat(entry.model()).isEqualTo(UsageEvents.MODEL);
        assertThat(entry.source()).isEqualTo("PROVIDER_REPORTED");
        assertThat(entry.balanceAfter()).isEqualTo(STARTING_BALANCE - 200);
    }

    @Test
    void theSameRecordPublishedTwiceIsDebitedOnce() throws Exception {
        String user = newUserId();
        UsageRecorded event = usage(user, 300, 200);
        UsageRecorded next = usage(user, 10, 5);
        double duplicatesBefore = duplicates();

        publish(event);
        publish(event);
        // same key, same partition: once this one is applied, the duplicate before it has been handled
        publish(next);

        Account account = awaitApplied(next);
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE - 500 - 15);
        assertThat(account.debitedTokens()).isEqualTo(515);
        assertThat(duplicates()).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void ownKeyUsageIsRecordedButNotDebited() throws Exception {
        String user = newUserId();
        UsageRecorded event = UsageEvents.builder(user, 400, 100).setOwnKey(true).build();

        publish(event);

        Account account = awaitApplied(event);
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE);
        assertThat(account.inputTokens()).isEqualTo(400);
        assertThat(account.outputTokens()).isEqualTo(100);
        assertThat(ledger.find(event.getEventId()).orElseThrow().amount()).isZero();
    }

    @Test
    void aBalanceMayGoNegativeAndTheOverdraftIsCounted() throws Exception {
        String user = newUserId();
        double overdraftsBefore = meters.counter("parley.accounting.overdrafts").count();
        UsageRecorded event = usage(user, STARTING_BALANCE, 1);

        publish(event);

        assertThat(awaitApplied(event).balance()).isEqualTo(-1);
        assertThat(meters.counter("parley.accounting.overdrafts").count()).isEqualTo(overdraftsBefore + 1);
    }

    @Test
    void countsDebitedTokensPerProviderAndModel() throws Exception {
        String model = "model-" + UUID.randomUUID();
        UsageRecorded event = UsageEvents.builder(newUserId(), 30, 12).setModel(model).build();

        publish(event);

        awaitApplied(event);
        assertThat(meters.get("parley.accounting.tokens.debited").tags("provider", UsageEvents.PROVIDER, "model", model)
                .counter().count()).isEqualTo(42);
        assertThat(meters.get("parley.accounting.usage.applied").tags("model", model).counter().count()).isEqualTo(1);
    }

    private void publish(UsageRecorded event) throws Exception {
        topic.publish(event);
    }

    private Account awaitApplied(UsageRecorded event) {
        topic.awaitApplied(event);
        return accounts.find(event.getUserId()).orElseThrow();
    }

    private double duplicates() {
        return meters.counter("parley.accounting.usage.duplicates").count();
    }
}
