package dev.parley.contracts.accounting;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * usage-accounting's internal API (service token as bearer), as a Spring HTTP interface: a caller creates a client of
 * it over its own RestClient ({@code HttpServiceProxyFactory}), which brings the base URL, token and timeouts.
 * {@code accountId} is a user id or {@code org:<organisationId>}; dates are ISO days (UTC), both ends included,
 * either end open when null. Refusals are RFC 9457 problems of platform's vocabulary, to be mapped by {@code type}.
 */
@HttpExchange(url = "/internal", accept = "application/json")
public interface InternalAccountingApi {

    /** Opens the user's account with a starting balance; an account that exists keeps its balance. */
    @PutExchange("/accounts/{userId}")
    AccountResponse openAccount(@PathVariable String userId, @RequestBody OpenAccountRequest request);

    /** The user's account; opened with the configured starting balance on first sight. */
    @GetExchange("/accounts/{userId}")
    AccountResponse account(@PathVariable String userId);

    @GetExchange("/accounts/{userId}/transactions")
    TransactionPage transactions(@PathVariable String userId, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to, @RequestParam int page, @RequestParam int size);

    /** @param groupBy day, month or model, or several comma-separated */
    @GetExchange("/accounts/{userId}/usage")
    UsageReport usage(@PathVariable String userId, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to, @RequestParam String groupBy);

    /** Holds a request's worst-case cost: 201, or a 402 quota-exhausted or 429 too-many-reservations problem. */
    @PostExchange("/reservations")
    ReservationResponse reserve(@RequestBody ReservationRequest request);

    /**
     * Holds reservations ahead of requests, all of the same size, in one write: 200 with the ids held (all, or none
     * when they do not fit together; never a 402 or 429).
     */
    @PostExchange("/reservations/advance")
    AdvanceReservationResponse reserveAhead(@RequestBody AdvanceReservationRequest request);

    /** Gives back the reservation of a request that was never published. */
    @DeleteExchange("/reservations/{reservationId}")
    void release(@PathVariable String reservationId, @RequestParam String userId);

    /** The prices accounting read from the catalog's topic. */
    @GetExchange("/admin/prices")
    PriceTable prices();

    @PutExchange("/admin/accounts/{accountId}/balance")
    BalanceResponse setBalance(@PathVariable String accountId, @RequestBody BalanceRequest request);

    /** Idempotent by {@code grantId}. */
    @PostExchange("/admin/accounts/{accountId}/grants")
    GrantResponse grant(@PathVariable String accountId, @RequestBody GrantRequest request);

    @PutExchange("/admin/accounts/{accountId}/refill")
    RefillSettings setRefill(@PathVariable String accountId, @RequestBody RefillRequest request);

    @PutExchange("/admin/accounts/{userId}/organisation")
    AccountResponse setOrganisation(@PathVariable String userId, @RequestBody Membership membership);

    /** Everyone's ledger, or one user's. */
    @GetExchange("/admin/transactions")
    TransactionPage allTransactions(@RequestParam(required = false) String userId,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam int page, @RequestParam int size);

    /** @param groupBy day, month, user, organisation or model, or several comma-separated */
    @GetExchange("/admin/usage")
    UsageReport allUsage(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to, @RequestParam String groupBy,
            @RequestParam(required = false) String userId);

    /** The accounts of a page of users; a user accounting has never seen is missing. */
    @GetExchange("/admin/accounts")
    List<AccountOverview> accounts(@RequestParam List<String> ids);

    /** Every grant of the account, newest first (at most 100). */
    @GetExchange("/admin/accounts/{accountId}/grants")
    List<GrantResponse> grants(@PathVariable String accountId);
}
