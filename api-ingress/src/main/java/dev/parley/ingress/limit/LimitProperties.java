package dev.parley.ingress.limit;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Abuse limits of the edge. All counters live in this instance's memory (see the README).
 *
 * @param loginFailuresPerEmail sign-in attempts of one account from one address that pass without delay within
 *        {@code loginWindow} (a correct one clears the count)
 * @param loginFailuresPerIp failed sign-ins of any accounts from one client address that pass without delay
 * @param loginWindow a count nobody added to for this long starts over
 * @param loginBaseDelay the wait before the first attempt beyond an allowance; it doubles with each further one
 * @param loginMaxDelay the longest wait between two attempts
 * @param chatRequestsPerMinute posted messages and /v1 chat completions per user and minute
 * @param maxRequestBody largest request body accepted on /api and /v1, except:
 * @param maxUploadBody a file upload's request (the file's own limit is {@code parley.attachments.max-file-size})
 * @param maxCompletionBody a {@code /v1/chat/completions} request, which may carry images as data URLs
 */
@Validated
@ConfigurationProperties("parley.limits")
record LimitProperties(
        @DefaultValue("5") @Min(1) int loginFailuresPerEmail,
        @DefaultValue("20") @Min(1) int loginFailuresPerIp,
        @DefaultValue("15m") @NotNull Duration loginWindow,
        @DefaultValue("1s") @NotNull Duration loginBaseDelay,
        @DefaultValue("15m") @NotNull Duration loginMaxDelay,
        @DefaultValue("60") @Min(1) int chatRequestsPerMinute,
        @DefaultValue("1MB") @NotNull DataSize maxRequestBody,
        @DefaultValue("11MB") @NotNull DataSize maxUploadBody,
        @DefaultValue("8MB") @NotNull DataSize maxCompletionBody) {

    /** The body limit of a request path. */
    long maxBodyOf(String path) {
        if (path.startsWith("/api/conversations/") && path.endsWith("/attachments")) {
            return maxUploadBody.toBytes();
        }
        return path.equals("/v1/chat/completions") ? maxCompletionBody.toBytes() : maxRequestBody.toBytes();
    }
}
