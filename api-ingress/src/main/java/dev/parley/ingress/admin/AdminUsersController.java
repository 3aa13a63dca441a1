package dev.parley.ingress.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.contracts.accounting.AccountResponse;
import dev.parley.contracts.accounting.BalanceResponse;
import dev.parley.contracts.accounting.GrantResponse;
import dev.parley.contracts.accounting.RefillSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Admin: credit settings of one user. Only admins get here (the security chain checks the role). */
@RestController
@RequestMapping("/api/admin/users/{userId}")
@Tag(name = "Admin", description = "Credits, grants, refills, prices, ledger and usage reports (admin role)")
class AdminUsersController {

    private final AdminAccounting accounting;

    AdminUsersController(AdminAccounting accounting) {
        this.accounting = accounting;
    }

    @GetMapping("/account")
    @Operation(summary = "A user's credits", description = "Balance, reserved, available, totals and refill, as "
            + "the user sees them on `/api/me/usage`.")
    AccountView account(@PathVariable @Size(max = 128) String userId) {
        return AccountView.of(accounting.account(userId));
    }

    @PutMapping("/balance")
    @Operation(summary = "Set a user's balance", description = "The difference is written to the ledger as an "
            + "adjustment.")
    BalanceResponse balance(@PathVariable @Size(max = 128) String userId,
            @Valid @RequestBody BalanceRequest request) {
        return accounting.setBalance(userId, request.balance());
    }

    @PostMapping("/grants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Grant credits", description = "Credits arrive at `effectiveAt` (now when absent); the "
            + "unspent remainder is removed at `expiresAt`.")
    GrantResponse grant(@PathVariable @Size(max = 128) String userId, @Valid @RequestBody GrantRequest request) {
        return accounting.grant(userId, request);
    }

    @PutMapping("/refill")
    @Operation(summary = "Set a user's automatic refill", description = "`amount` credits every `interval` "
            + "(ISO-8601, e.g. P1D), the first at once; amount 0 switches refills off.")
    RefillSettings refill(@PathVariable @Size(max = 128) String userId, @Valid @RequestBody RefillRequest request) {
        return accounting.setRefill(userId, request);
    }

    @PutMapping("/organisation")
    @Operation(summary = "Put a user into an organisation", description = "The organisation's balance then pays "
            + "all of the user's requests; `organisationId` null takes the user out.")
    AccountResponse organisation(@PathVariable @Size(max = 128) String userId,
            @Valid @RequestBody OrganisationRequest request) {
        return accounting.setOrganisation(userId, request.organisationId());
    }
}
