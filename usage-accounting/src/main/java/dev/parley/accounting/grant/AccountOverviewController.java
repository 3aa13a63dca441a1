package dev.parley.accounting.grant;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.contracts.accounting.AccountOverview;
import dev.parley.contracts.accounting.GrantResponse;

/** Admin reads of credits: a page of users' accounts at once, and one account's grants. */
@RestController
class AccountOverviewController {

    private final AccountOverviews overviews;

    AccountOverviewController(AccountOverviews overviews) {
        this.overviews = overviews;
    }

    /** @param ids at most one page of an admin's user list */
    @GetMapping("/internal/admin/accounts")
    List<AccountOverview> accounts(@RequestParam @Size(max = 200) List<@NotBlank @Size(max = 128) String> ids) {
        return overviews.of(ids);
    }

    @GetMapping("/internal/admin/accounts/{accountId}/grants")
    List<GrantResponse> grants(@PathVariable @NotBlank @Size(max = 128) String accountId) {
        return overviews.grants(accountId);
    }
}
