package dev.parley.faults;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Fault injection for crash tests, off unless set. Read once at startup; nothing changes it at runtime.
 *
 * @param haltAfterDebitWrite when set to N: right after the N-th usage debit the service writes to an account (the
 *        ledger entry still PENDING, the listener not returned, so the offset not committed), the JVM halts with
 *        exit code 137, as if killed
 */
@Validated
@ConfigurationProperties("parley.accounting.fault")
public record FaultProperties(@Positive Integer haltAfterDebitWrite) {
}
