package dev.parley.ingress.admission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * @param maxConcurrentAnswers answers a user may have in progress at once: their reservations held, counted by
 *        usage-accounting on whichever account pays, in the same update that admits a request
 * @param spares reservations held ahead per busy user, model and own-key flag (0: none); at most half of
 *        {@code maxConcurrentAnswers} are held, since they count as answers in progress
 * @param spareIdle how long a spare is kept unused before it is given back; also how quickly a price change reaches
 *        requests admitted from spares
 */
@Validated
@ConfigurationProperties("parley.admission")
record AdmissionProperties(@DefaultValue("8") @Min(1) int maxConcurrentAnswers,
        @DefaultValue("4") @Min(0) @Max(16) int spares,
        @DefaultValue("10s") @NotNull Duration spareIdle) {

    /** Spares held per key: {@code spares}, at most half the answers a user may have in progress. */
    int sparesPerKey() {
        return Math.min(spares, maxConcurrentAnswers / 2);
    }
}
