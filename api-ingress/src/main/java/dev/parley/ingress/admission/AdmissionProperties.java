package dev.parley.ingress.admission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * @param maxConcurrentAnswers answers a user may have in progress at once: their reservations held, counted by
 *        usage-accounting on whichever account pays, in the same update that admits a request
 */
@Validated
@ConfigurationProperties("parley.admission")
record AdmissionProperties(@DefaultValue("8") @Min(1) int maxConcurrentAnswers) {
}
