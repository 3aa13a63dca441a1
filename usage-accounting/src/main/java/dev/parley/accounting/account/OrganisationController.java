package dev.parley.accounting.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.contracts.accounting.AccountResponse;
import dev.parley.contracts.accounting.Membership;

/**
 * Admin: puts a user into an organisation (whose account, {@code org:<organisationId>}, then pays the user's
 * requests) or takes them out ({@code organisationId} null). Reservations already held stay where they are and
 * settle there.
 */
@RestController
class OrganisationController {

    private final AccountRepository accounts;

    OrganisationController(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @PutMapping("/internal/admin/accounts/{userId}/organisation")
    AccountResponse set(@PathVariable @NotBlank @Size(max = 128) @Pattern(regexp = "^(?!org:).*",
            message = "an organisation cannot belong to an organisation") String userId,
            @RequestBody @Valid Membership membership) {
        return AccountResponses.of(accounts.setOrganisation(userId, membership.organisationId()));
    }
}
