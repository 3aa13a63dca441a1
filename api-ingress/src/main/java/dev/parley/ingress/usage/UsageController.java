package dev.parley.ingress.usage;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UsageController {

    private final AccountingClient accounting;

    UsageController(AccountingClient accounting) {
        this.accounting = accounting;
    }

    @GetMapping("/api/me/usage")
    UsageResponse usage(Authentication user) {
        return UsageResponse.of(accounting.account(user.getName()));
    }
}
