package dev.parley.accounting.grant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.accounting.account.Refill;

import dev.parley.contracts.accounting.GrantRequest;
import dev.parley.contracts.accounting.GrantResponse;
import dev.parley.contracts.accounting.RefillRequest;
import dev.parley.contracts.accounting.RefillSettings;

/** Admin grant and refill settings of an account (a user id, or {@code org:<organisationId>}). */
@RestController
@RequestMapping("/internal/admin/accounts/{accountId}")
class GrantController {

    private final GrantService grants;
    private final RefillService refills;

    GrantController(GrantService grants, RefillService refills) {
        this.grants = grants;
        this.refills = refills;
    }

    @PostMapping("/grants")
    @ResponseStatus(HttpStatus.CREATED)
    GrantResponse grant(@PathVariable @NotBlank @Size(max = 128) String accountId,
            @Valid @RequestBody GrantRequest request) {
        return GrantService.response(grants.create(accountId, request));
    }

    @PutMapping("/refill")
    RefillSettings refill(@PathVariable @NotBlank @Size(max = 128) String accountId,
            @Valid @RequestBody RefillRequest request) {
        return settings(accountId, refills.configure(accountId, request).refill());
    }

    private static RefillSettings settings(String accountId, Refill refill) {
        return refill == null ? new RefillSettings(accountId, null, null, null, null)
                : new RefillSettings(accountId, refill.amount(), refill.interval().toString(), refill.anchor(),
                        refill.depletionThreshold());
    }
}
