package dev.parley.contracts.accounting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What api-ingress asks to admit a request. Accounting prices it with the catalog's price it read from
 * {@code catalog.prices}.
 *
 * @param reservationId the request id; retrying with the same id returns the same reservation
 * @param estimatedInputTokens the tokenizer's count of the assembled context
 * @param maxOutputTokens the most the model may write: the request's max tokens, else the model's limit
 * @param ownKey the request runs on the user's own provider key
 * @param maxConcurrent how many answers the user may have in progress at once (reservations held for them on
 *        whichever account pays); optional: without it only the account's own bound applies
 */
public record ReservationRequest(
        @NotBlank @Size(max = 128) String reservationId,
        @NotBlank @Size(max = 128) String userId,
        @NotBlank @Size(max = 256) String model,
        @PositiveOrZero long estimatedInputTokens,
        @PositiveOrZero long maxOutputTokens,
        Boolean ownKey,
        @Positive Integer maxConcurrent) {

    /** Absent means no: api-ingress only sends it for requests on the user's own key. */
    public boolean onOwnKey() {
        return Boolean.TRUE.equals(ownKey);
    }
}
