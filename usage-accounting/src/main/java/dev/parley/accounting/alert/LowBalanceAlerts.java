package dev.parley.accounting.alert;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountCredits;
import dev.parley.accounting.config.AccountingProperties;
import dev.parley.events.BalanceThresholdCrossed;
import dev.parley.events.Topics;

/**
 * Publishes {@code BalanceThresholdCrossed} once per downward crossing. The mark on the account document is set
 * by a conditional update before the event is sent, so a redelivered record, a replay or a second instance
 * finds the threshold marked and stays quiet; a failed send removes the mark so the next balance change retries.
 * A crash between the mark and the send loses that one alert (at most once per crossing).
 */
@Component
public class LowBalanceAlerts {

    private static final Logger log = LoggerFactory.getLogger(LowBalanceAlerts.class);

    private final AccountCredits credits;
    private final KafkaTemplate<Object, Object> kafka;
    private final List<Long> thresholds;
    private final Clock clock;

    LowBalanceAlerts(AccountCredits credits, KafkaTemplate<Object, Object> kafka, AccountingProperties properties,
            Clock clock) {
        this.credits = credits;
        this.kafka = kafka;
        this.thresholds = properties.lowBalanceThresholds();
        this.clock = clock;
    }

    /** Call with the account as it is right after a change of its balance. */
    public void check(Account account) {
        for (long threshold : ThresholdCrossings.rearmed(account.balance(), account.alertedThresholds())) {
            credits.rearm(account.userId(), threshold);
        }
        for (long threshold : ThresholdCrossings.newlyCrossed(account.balance(), thresholds,
                account.alertedThresholds())) {
            if (credits.markAlerted(account.userId(), threshold)) {
                publish(account, threshold);
            }
        }
    }

    private void publish(Account account, long threshold) {
        String organisationId = account.userId().startsWith(Account.ORGANISATION_PREFIX)
                ? account.userId().substring(Account.ORGANISATION_PREFIX.length()) : null;
        var event = BalanceThresholdCrossed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAccountId(account.userId())
                .setOrganisationId(organisationId)
                .setThreshold(threshold)
                .setBalance(account.balance())
                .setCrossedAt(clock.instant())
                .build();
        kafka.send(Topics.BALANCE_ALERTS, account.userId(), event).whenComplete((sent, failure) -> {
            if (failure != null) {
                log.warn("Low-balance alert of {} at {} not sent; re-armed: {}", account.userId(), threshold,
                        failure.getMessage());
                credits.rearm(account.userId(), threshold);
            }
        });
    }
}
