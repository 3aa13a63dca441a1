package dev.parley.ingress.conversation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

/** A partial update: absent fields keep their value; a blank model goes back to the catalog's default. */
record UpdateConversationRequest(
        @Size(max = 200) String title,
        @Size(max = 200) String model,
        @DecimalMin("0.0") @DecimalMax("2.0") Double temperature) {
}
