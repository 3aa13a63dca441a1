package dev.parley.ingress.usage;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import dev.parley.ingress.accounting.AccountingApi;
import dev.parley.ingress.accounting.AccountSnapshot;

/**
 * A user's own account, ledger and usage as usage-accounting reports them. Ledger pages and reports are passed on
 * as accounting shapes them: that service owns those shapes, and they may grow without a change here.
 */
@Component
public class AccountingClient {

    private final AccountingApi api;

    AccountingClient(AccountingApi api) {
        this.api = api;
    }

    public AccountSnapshot account(String userId) {
        return api.get(AccountSnapshot.class, uri -> uri.path("/internal/accounts/{userId}").build(userId));
    }

    JsonNode transactions(String userId, LocalDate from, LocalDate to, int page, int size) {
        return api.get(JsonNode.class, uri -> uri.path("/internal/accounts/{userId}/transactions")
                .queryParam("page", page).queryParam("size", size)
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to))
                .build(userId));
    }

    JsonNode report(String userId, LocalDate from, LocalDate to, String groupBy) {
        return api.get(JsonNode.class, uri -> uri.path("/internal/accounts/{userId}/usage")
                .queryParam("groupBy", groupBy)
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to))
                .build(userId));
    }
}
