package dev.parley.accounting.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.contracts.accounting.AccountResponse;
import dev.parley.contracts.accounting.OpenAccountRequest;

/** Service-to-service balance lookup for api-ingress; opens the account on first sight. */
@RestController
@RequestMapping("/internal/accounts")
class AccountController {

    private final AccountRepository accounts;

    AccountController(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/{userId}")
    AccountResponse get(@PathVariable @NotBlank @Size(max = 128) String userId) {
        return AccountResponses.of(accounts.open(userId));
    }

    /**
     * Opens the user's account with the starting balance api-ingress decided at registration; an account that
     * exists already keeps its balance (a retried call grants nothing twice).
     */
    @PutMapping("/{userId}")
    AccountResponse open(@PathVariable @NotBlank @Size(max = 128) String userId,
            @Valid @RequestBody OpenAccountRequest request) {
        return AccountResponses.of(accounts.open(userId, request.startingBalance()));
    }
}
