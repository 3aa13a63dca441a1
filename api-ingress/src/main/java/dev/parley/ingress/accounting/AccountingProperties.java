package dev.parley.ingress.accounting;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where usage-accounting's internal API is and how to call it.
 *
 * @param serviceToken shared secret of the internal API (PARLEY_SERVICE_TOKEN)
 * @param connectTimeout kept short: a request waits on it before it is accepted
 * @param readTimeout kept short for the same reason
 * @param maxConcurrentCalls calls in flight to usage-accounting at once; more wait (up to the read timeout) for a
 *        free one instead of opening a connection each, which under a burst of new chats overflowed accounting's
 *        accept queue and failed requests with connection errors
 */
@Validated
@ConfigurationProperties("parley.accounting")
record AccountingProperties(
        @NotNull URI url,
        @NotBlank(message = "must be set (PARLEY_SERVICE_TOKEN)") String serviceToken,
        @DefaultValue("1s") @NotNull Duration connectTimeout,
        @DefaultValue("3s") @NotNull Duration readTimeout,
        @DefaultValue("64") @Min(1) int maxConcurrentCalls) {

    @Override
    public String toString() {
        return "AccountingProperties[url=" + url + ", serviceToken=<hidden>, connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxConcurrentCalls=" + maxConcurrentCalls + "]";
    }
}
