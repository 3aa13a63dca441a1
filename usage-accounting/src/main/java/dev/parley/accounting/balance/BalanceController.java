package dev.parley.accounting.balance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.contracts.accounting.BalanceRequest;
import dev.parley.contracts.accounting.BalanceResponse;

/** Admin: set the balance of a user, or of an organisation ({@code org:<organisationId>}). */
@RestController
@RequestMapping("/internal/admin/accounts/{accountId}")
class BalanceController {

    private final BalanceService balances;

    BalanceController(BalanceService balances) {
        this.balances = balances;
    }

    @PutMapping("/balance")
    BalanceResponse set(@PathVariable @NotBlank @Size(max = 128) String accountId,
            @Valid @RequestBody BalanceRequest request) {
        var account = balances.setBalance(accountId, request.balance(), "ADMIN");
        return new BalanceResponse(account.userId(), account.balance(), account.reserved(), account.available());
    }
}
