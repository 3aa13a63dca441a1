package dev.parley.accounting.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
        return AccountResponse.of(accounts.open(userId));
    }
}
