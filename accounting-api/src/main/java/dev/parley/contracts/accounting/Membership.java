package dev.parley.contracts.accounting;

import jakarta.validation.constraints.Size;

/** @param organisationId the organisation whose account pays the user's requests; null: the user pays themselves */
public record Membership(@Size(min = 1, max = 128) String organisationId) {
}
