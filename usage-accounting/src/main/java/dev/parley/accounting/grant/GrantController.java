package dev.parley.accounting.grant;

import java.time.Instant;

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
        return GrantResponse.of(grants.create(accountId, request));
    }

    @PutMapping("/refill")
    RefillResponse refill(@PathVariable @NotBlank @Size(max = 128) String accountId,
            @Valid @RequestBody RefillRequest request) {
        return RefillResponse.of(accountId, refills.configure(accountId, request).refill());
    }

    /**
     * @param interval ISO-8601; null fields when refills are off
     * @param depletionThreshold set for a refill on depletion: the balance at or below which it is granted
     */
    record RefillResponse(String accountId, Long amount, String interval, Instant anchor, Long depletionThreshold) {

        static RefillResponse of(String accountId, Refill refill) {
            return refill == null ? new RefillResponse(accountId, null, null, null, null)
                    : new RefillResponse(accountId, refill.amount(), refill.interval().toString(), refill.anchor(),
                            refill.depletionThreshold());
        }
    }
}
