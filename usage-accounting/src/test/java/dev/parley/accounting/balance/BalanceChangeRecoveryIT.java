package dev.parley.accounting.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountCredits;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.CreditChange;
import dev.parley.accounting.account.Refill;
import dev.parley.accounting.grant.GrantService;
import dev.parley.accounting.grant.RefillService;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.accounting.ledger.LedgerType;

/**
 * Admin balance changes interrupted after each step of their protocol (the test seams throw right after the real
 * write, as a crash there would), then recovered: balance and ledger agree, and nothing is applied twice.
 * "Agree" is checked as: starting balance + the signed amounts of the account's APPLIED entries = balance.
 */
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
class BalanceChangeRecoveryIT extends IntegrationTest {

    @MockitoSpyBean
    AccountCredits credits;
    @MockitoSpyBean
    LedgerRepository ledger;
    @Autowired
    BalanceService balances;
    @Autowired
    BalanceChanges changes;
    @Autowired
    PendingChangeRecovery recovery;
    @Autowired
    GrantService grants;
    @Autowired
    RefillService refills;
    @Autowired
    AccountRepository accounts;
    @Autowired
    MongoOperations mongo;
    @Autowired
    MockMvc mvc;

    @Test
    void setBalanceCrashedAfterItsPendingEntryIsAppliedByRecovery() throws Exception {
        String user = openedAccount();
        crashAfterThePendingEntry(user);

        assertThatThrownBy(() -> balances.setBalance(user, 2_500, "ADMIN")).isInstanceOf(Crash.class);
        restart();
        assertThat(balance(user)).isEqualTo(STARTING_BALANCE);
        assertThat(listedTransactions(user)).as("pending entries are not listed").isZero();

        recovery.recover(later());

        assertThat(balance(user)).isEqualTo(2_500);
        assertThat(theOnlyChange(user).state()).isEqualTo(LedgerState.APPLIED);
        assertThat(theOnlyChange(user).balanceAfter()).isEqualTo(2_500);
        assertThat(listedTransactions(user)).isEqualTo(1);
        assertBalanceAndLedgerAgree(user);
        recovery.recover(later());
        assertThat(balance(user)).isEqualTo(2_500);
    }

    @Test
    void setBalanceCrashedAfterTheBalanceUpdateIsMarkedByRecoveryAndNotAppliedTwice() throws Exception {
        String user = openedAccount();
        crashAfterTheBalanceUpdate(user);

        assertThatThrownBy(() -> balances.setBalance(user, 2_500, "ADMIN")).isInstanceOf(Crash.class);
        restart();
        assertThat(balance(user)).isEqualTo(2_500);
        assertThat(listedTransactions(user)).isZero();

        recovery.recover(later());
        recovery.recover(later());

        assertThat(balance(user)).isEqualTo(2_500);
        assertThat(theOnlyChange(user).state()).isEqualTo(LedgerState.APPLIED);
        assertThat(theOnlyChange(user).amount()).isEqualTo(STARTING_BALANCE - 2_500);
        assertThat(listedTransactions(user)).isEqualTo(1);
        assertBalanceAndLedgerAgree(user);
    }

    @Test
    void setBalanceCrashedAfterItsLedgerMarkNeedsNothing() {
        String user = openedAccount();
        doAnswer(call -> {
            call.callRealMethod();
            throw new Crash();
        }).when(ledger).markApplied(anyString(), anyLong(), any(Instant.class));

        assertThatThrownBy(() -> balances.setBalance(user, 700, "ADMIN")).isInstanceOf(Crash.class);
        restart();

        recovery.recover(later());
        assertThat(balance(user)).isEqualTo(700);
        assertBalanceAndLedgerAgree(user);
    }

    @Test
    void aPendingSetBalanceWhoseBalanceMovedIsVoidedAndCanNeverApplyLater() throws Exception {
        String user = openedAccount();
        crashAfterThePendingEntry(user);
        assertThatThrownBy(() -> balances.setBalance(user, 2_500, "ADMIN")).isInstanceOf(Crash.class);
        restart();
        LedgerEntry stalled = theOnlyChange(user);
        grant(user, 300);

        recovery.recover(later());

        assertThat(balance(user)).as("the grant only").isEqualTo(STARTING_BALANCE + 300);
        assertThat(ledger.find(stalled.eventId()).orElseThrow().state()).isEqualTo(LedgerState.VOID);
        // the balance comes back to what the stalled request computed from, and the request wakes up
        balances.setBalance(user, STARTING_BALANCE, "ADMIN");
        assertThat(credits.credit(new CreditChange(user, stalled.eventId(), stalled.delta(), STARTING_BALANCE, null,
                null))).isEmpty();
        assertThat(changes.apply(stalled)).isEmpty();
        assertThat(balance(user)).isEqualTo(STARTING_BALANCE);
        assertBalanceAndLedgerAgree(user);
    }

    @Test
    void aGrantCrashedAfterTheBalanceUpdateIsMarkedOnceAndActivatedByTheNextRun() throws Exception {
        String user = openedAccount();
        crashAfterTheBalanceUpdate(user);
        grantRequest(user, 400).andExpect(status().isInternalServerError());
        restart();
        assertThat(balance(user)).isEqualTo(STARTING_BALANCE + 400);

        recovery.recover(later());
        grants.processDue(Instant.now());

        assertThat(balance(user)).isEqualTo(STARTING_BALANCE + 400);
        assertThat(theOnlyChange(user).state()).isEqualTo(LedgerState.APPLIED);
        Document grant = mongo.findOne(query(where("accountId").is(user)), Document.class, "grants");
        assertThat(grant.getString("state")).isEqualTo("ACTIVE");
        assertBalanceAndLedgerAgree(user);
    }

    @Test
    void aGrantCrashedAfterItsPendingEntryIsAppliedOnceWhoeverComesFirst() throws Exception {
        String user = openedAccount();
        crashAfterThePendingEntry(user);
        grantRequest(user, 400).andExpect(status().isInternalServerError());
        restart();

        recovery.recover(later());
        grants.processDue(Instant.now());
        recovery.recover(later());

        assertThat(balance(user)).isEqualTo(STARTING_BALANCE + 400);
        assertBalanceAndLedgerAgree(user);
    }

    @Test
    void aRefillCrashedAfterTheBalanceUpdateIsMarkedByRecovery() {
        String user = openedAccount();
        Instant anchor = Instant.parse("2030-03-01T00:00:00Z");
        accounts.setRefill(user, new Refill(250, Duration.ofDays(1).toSeconds(), anchor, -1));
        crashAfterTheBalanceUpdate(user);

        assertThatThrownBy(() -> refills.refillDue(anchor.plusSeconds(5))).isInstanceOf(Crash.class);
        restart();
        // the interval is marked refilled on the account, so the refill job alone would never finish the entry
        refills.refillDue(anchor.plusSeconds(6));
        assertThat(balance(user)).isEqualTo(STARTING_BALANCE + 250);
        assertThat(theOnlyChange(user).state()).isEqualTo(LedgerState.PENDING);

        recovery.recover(later());

        assertThat(balance(user)).isEqualTo(STARTING_BALANCE + 250);
        assertThat(theOnlyChange(user).state()).isEqualTo(LedgerState.APPLIED);
        assertBalanceAndLedgerAgree(user);
    }

    @Test
    void aRefillCrashedAfterItsPendingEntryIsAppliedOnce() {
        String user = openedAccount();
        Instant anchor = Instant.parse("2030-04-01T00:00:00Z");
        accounts.setRefill(user, new Refill(250, Duration.ofDays(1).toSeconds(), anchor, -1));
        crashAfterThePendingEntry(user);

        assertThatThrownBy(() -> refills.refillDue(anchor.plusSeconds(5))).isInstanceOf(Crash.class);
        restart();
        recovery.recover(later());
        refills.refillDue(anchor.plusSeconds(6));

        assertThat(balance(user)).isEqualTo(STARTING_BALANCE + 250);
        assertBalanceAndLedgerAgree(user);
    }

    @Test
    void anIntegrationQuotaCrashedAfterTheBalanceUpdateEndsConsistentAndItsRetryChangesNothing() throws Exception {
        String externalId = "crm-" + UUID.randomUUID();
        // the account does not exist yet: crash on the first new integration account's balance update
        doAnswer(call -> {
            call.callRealMethod();
            throw new Crash();
        }).when(credits).credit(argThat(change -> change != null && change.accountId().startsWith("ext-")));
        quota(externalId).andExpect(status().isInternalServerError());
        restart();

        recovery.recover(later());
        String userId = quota(externalId).andExpect(status().isOk()).andExpect(jsonPath("$.balance").value(1_234))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"userId\":\"([^\"]+)\".*", "$1");

        assertThat(balance(userId)).isEqualTo(1_234);
        assertThat(theOnlyChange(userId).state()).isEqualTo(LedgerState.APPLIED);
        assertBalanceAndLedgerAgree(userId);
    }

    @Test
    void recoveryLeavesYoungEntriesAndUsageDebitsAlone() {
        String user = openedAccount();
        crashAfterThePendingEntry(user);
        assertThatThrownBy(() -> balances.setBalance(user, 10, "ADMIN")).isInstanceOf(Crash.class);
        restart();
        var debit = new LedgerEntry("usage-" + UUID.randomUUID(), LedgerType.DEBIT, user, user, "r", null, "mock",
                "mock-1", null, "PROVIDER_REPORTED", "COMPLETED", false, 5, 0, LedgerState.PENDING, null,
                Instant.now(), Instant.now().minus(Duration.ofHours(1)), null, null);
        ledger.insertPending(debit);

        recovery.recover(Instant.now());

        assertThat(balance(user)).isEqualTo(STARTING_BALANCE);
        assertThat(ledger.find(debit.eventId()).orElseThrow().state()).isEqualTo(LedgerState.PENDING);
        mongo.remove(query(where("_id").is(debit.eventId())), LedgerEntry.class);
        recovery.recover(later());
        assertThat(balance(user)).isEqualTo(10);
    }

    @Test
    void aRefillSetAgainKeepsRefilling() {
        String user = openedAccount();
        // refill jobs run over every account of the shared database: this test's times are its own
        Instant first = Instant.parse("2030-05-01T00:00:00Z");
        accounts.setRefill(user, new Refill(100, Duration.ofDays(1).toSeconds(), first, -1));
        refills.refillDue(first.plusSeconds(1));
        Instant second = first.plus(Duration.ofHours(1));
        accounts.setRefill(user, new Refill(50, Duration.ofDays(1).toSeconds(), second, -1));

        refills.refillDue(second.plusSeconds(1));

        assertThat(balance(user)).isEqualTo(STARTING_BALANCE + 150);
        assertBalanceAndLedgerAgree(user);
    }

    /** Jobs run over every account of the shared database: only this test's account crashes. */
    private void crashAfterThePendingEntry(String accountId) {
        doAnswer(call -> {
            call.callRealMethod();
            throw new Crash();
        }).when(ledger).insertPending(argThat(entry -> entry != null && accountId.equals(entry.accountId())));
    }

    private void crashAfterTheBalanceUpdate(String accountId) {
        doAnswer(call -> {
            call.callRealMethod();
            throw new Crash();
        }).when(credits).credit(argThat(change -> change != null && accountId.equals(change.accountId())));
    }

    /** The process comes back: the seams call through again. */
    private void restart() {
        Mockito.reset(ledger, credits);
    }

    private static Instant later() {
        return Instant.now().plus(PendingChangeRecovery.GRACE).plusSeconds(1);
    }

    private String openedAccount() {
        String user = newUserId();
        accounts.open(user);
        return user;
    }

    private long balance(String accountId) {
        return accounts.find(accountId).orElseThrow().balance();
    }

    private LedgerEntry theOnlyChange(String accountId) {
        List<LedgerEntry> entries = mongo.find(query(where("accountId").is(accountId)), LedgerEntry.class);
        assertThat(entries).hasSize(1);
        return entries.getFirst();
    }

    private void assertBalanceAndLedgerAgree(String accountId) {
        Account account = accounts.find(accountId).orElseThrow();
        long applied = mongo.find(query(where("accountId").is(accountId).and("state").is(LedgerState.APPLIED.name())),
                LedgerEntry.class).stream().mapToLong(LedgerEntry::delta).sum();
        assertThat(mongo.count(query(where("accountId").is(accountId).and("state").is(LedgerState.PENDING.name())),
                LedgerEntry.class)).as("nothing left pending").isZero();
        assertThat(account.startingBalance() + applied).as("ledger explains the balance").isEqualTo(account.balance());
    }

    private long listedTransactions(String accountId) throws Exception {
        String body = mvc.perform(get("/internal/accounts/{id}/transactions", accountId).header(HttpHeaders.AUTHORIZATION,
                "Bearer " + SERVICE_TOKEN)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll(".*\"totalItems\":(\\d+).*", "$1"));
    }

    private void grant(String accountId, long amount) throws Exception {
        grantRequest(accountId, amount).andExpect(status().isCreated());
    }

    private ResultActions grantRequest(String accountId, long amount) throws Exception {
        return mvc.perform(post("/internal/admin/accounts/{id}/grants", accountId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + SERVICE_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":" + amount + "}"));
    }

    private ResultActions quota(String externalId) throws Exception {
        return mvc.perform(put("/internal/integrations/quota/{id}", externalId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + INTEGRATION_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).content("{\"balance\":1234}"));
    }

    /** What a crash looks like to the code that was running. */
    static final class Crash extends RuntimeException {
    }
}
