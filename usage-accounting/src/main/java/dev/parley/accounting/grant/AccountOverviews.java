package dev.parley.accounting.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.AccountResponses;
import dev.parley.accounting.grant.Grant.GrantState;

import dev.parley.contracts.accounting.AccountOverview;
import dev.parley.contracts.accounting.GrantResponse;

/**
 * Reads for the admin's user list and detail. Accounts are read by {@code _id}; grants by account, which scans the
 * {@code grants} collection on the embedded MongoDB (it ignores the non-unique index): admin pages only, never a
 * request's path, and grants are few next to messages or ledger entries.
 */
@Service
class AccountOverviews {

    /** The most grants one account's detail lists, newest first. */
    static final int GRANT_HISTORY = 100;

    private final MongoOperations mongo;

    AccountOverviews(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The accounts among {@code accountIds} that exist (none is opened), with their grants not expired. */
    List<AccountOverview> of(Collection<String> accountIds) {
        List<Account> accounts = mongo.find(AccountRepository.lean(query(where("_id").in(accountIds))),
                Account.class);
        Map<String, List<GrantResponse>> grants = mongo.find(query(where("accountId").in(accountIds)
                        .and("state").in(GrantState.SCHEDULED, GrantState.ACTIVE)), Grant.class).stream()
                .sorted(Comparator.comparing(Grant::effectiveAt))
                .map(GrantService::response)
                .collect(Collectors.groupingBy(GrantResponse::accountId));
        return accounts.stream()
                .map(account -> new AccountOverview(AccountResponses.of(account),
                        grants.getOrDefault(account.userId(), List.of())))
                .toList();
    }

    /** Every grant of the account, newest first, at most {@value #GRANT_HISTORY}. */
    List<GrantResponse> grants(String accountId) {
        return mongo.find(query(where("accountId").is(accountId))
                        .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(GRANT_HISTORY), Grant.class)
                .stream().map(GrantService::response).toList();
    }
}
