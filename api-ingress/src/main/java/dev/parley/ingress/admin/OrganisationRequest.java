package dev.parley.ingress.admin;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** @param organisationId the organisation that pays the user's requests; null: the user pays for themselves */
record OrganisationRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+",
                message = "may hold letters, digits, '.', '_' and '-'") String organisationId) {
}
