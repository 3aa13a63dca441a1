package dev.parley.ingress.usage;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import dev.parley.contracts.accounting.AccountResponse;
import dev.parley.contracts.accounting.TransactionPage;
import dev.parley.contracts.accounting.UsageReport;
import dev.parley.ingress.accounting.AccountingApi;

/**
 * A user's own account, ledger and usage as usage-accounting reports them, in the accounting-api contract's records
 * (the ledger page and report are answered in accounting's shape).
 */
@Component
public class AccountingClient {

    private final AccountingApi api;

    AccountingClient(AccountingApi api) {
        this.api = api;
    }

    public AccountResponse account(String userId) {
        return api.call(accounting -> accounting.account(userId));
    }

    TransactionPage transactions(String userId, LocalDate from, LocalDate to, int page, int size) {
        return api.call(accounting -> accounting.transactions(userId, from, to, page, size));
    }

    UsageReport report(String userId, LocalDate from, LocalDate to, String groupBy) {
        return api.call(accounting -> accounting.usage(userId, from, to, groupBy));
    }
}
