package dev.parley.ingress;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.parley.contracts.accounting.AccountOverview;
import dev.parley.contracts.accounting.AccountResponse;
import dev.parley.contracts.accounting.GrantResponse;
import dev.parley.contracts.accounting.Price;
import dev.parley.contracts.accounting.PriceTable;
import dev.parley.contracts.accounting.RefillSettings;
import dev.parley.contracts.accounting.TransactionPage;
import dev.parley.contracts.accounting.UsageReport;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * usage-accounting's internal API for MockWebServer: checks the service token, answers the balance set for the
 * user (100000 credits unless set), admits reservations (and holds them ahead) while that balance covers them ({@link #UNREACHABLE}
 * answers a 500 internal problem, {@link #TOO_MANY} a 429), takes the catalog's prices (204), answers admin changes,
 * and records every request it got. Its answers are the accounting-api contract's records, as accounting writes
 * them, and its refusals problems of platform's vocabulary.
 */
public final class AccountingStub extends Dispatcher {

    public static final String SERVICE_TOKEN = "service-token-for-tests";
    public static final long UNREACHABLE = Long.MIN_VALUE;
    public static final long TOO_MANY = Long.MIN_VALUE + 1;
    public static final Map<String, Long> BALANCES = new ConcurrentHashMap<>();
    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    /** @param body the JSON body, or null */
    public record Call(String method, String path, String query, JsonNode body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCOUNTS = "/internal/accounts/";
    private static final String ADMIN_ACCOUNTS = "/internal/admin/accounts/";

    /** The calls so far with this method whose path starts with the prefix. */
    public static List<Call> calls(String method, String pathPrefix) {
        return CALLS.stream().filter(call -> call.method().equals(method) && call.path().startsWith(pathPrefix))
                .toList();
    }

    /** The reservation calls so far ({@code POST /internal/reservations}), not those holding reservations ahead. */
    public static List<Call> reservations() {
        return CALLS.stream().filter(call -> call.method().equals("POST") && call.path().equals("/internal/reservations"))
                .toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!("Bearer " + SERVICE_TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return new MockResponse.Builder().code(401).build();
        }
        String path = request.getUrl().encodedPath();
        JsonNode body = request.getBody() == null || request.getBody().size() == 0 ? null
                : JSON.readTree(request.getBody().utf8());
        CALLS.add(new Call(request.getMethod(), path, request.getUrl().encodedQuery(), body));
        if (path.equals("/internal/reservations")) {
            return reserve(body);
        }
        if (path.equals("/internal/reservations/advance")) {
            return reserveAhead(body);
        }
        if (path.startsWith("/internal/reservations/")) {
            return new MockResponse.Builder().code(204).build();
        }
        if (path.equals("/internal/admin/accounts")) {
            return accounts(request.getUrl().queryParameterValues("ids"));
        }
        if (path.startsWith(ADMIN_ACCOUNTS) && path.endsWith("/grants") && request.getMethod().equals("GET")) {
            return json(200, List.of());
        }
        if (path.startsWith(ADMIN_ACCOUNTS)) {
            return admin(path.substring(ADMIN_ACCOUNTS.length()), body);
        }
        if (path.equals("/internal/admin/prices")) {
            Price oneCreditPerToken = new Price(1_000_000L, 1_000_000L, 1_000_000L);
            return json(200, new PriceTable(Map.of("mock-1", oneCreditPerToken), oneCreditPerToken, true));
        }
        if (path.endsWith("/transactions")) {
            return json(200, new TransactionPage(List.of(), 0, 20, 0, 0, new TransactionPage.Aggregates(0, 0, 0)));
        }
        if (path.endsWith("/usage")) {
            var row = new UsageReport.Row("mock-1", null, 3, 30, 12, 0, 42, 1, UsageReport.Averages.of(3, 30, 12, 42, 1));
            var totals = new UsageReport.Row(null, null, 3, 30, 12, 0, 42, 1, UsageReport.Averages.of(3, 30, 12, 42, 1));
            return json(200, new UsageReport(null, null, request.getUrl().queryParameter("groupBy"), List.of(row),
                    totals));
        }
        if (!path.startsWith(ACCOUNTS)) {
            return new MockResponse.Builder().code(404).build();
        }
        String[] parts = path.substring(ACCOUNTS.length()).split("/");
        return account(parts[0]);
    }

    private static MockResponse account(String userId) {
        long balance = BALANCES.getOrDefault(userId, 100_000L);
        if (balance == UNREACHABLE) {
            return problem(500, "internal", "An unexpected error occurred");
        }
        // the contract's fields, plus one the client does not know: the API may grow
        Map<String, Object> account = Map.ofEntries(Map.entry("userId", userId), Map.entry("balance", balance),
                Map.entry("startingBalance", 100_000), Map.entry("inputTokens", 0), Map.entry("outputTokens", 0),
                Map.entry("debitedTokens", 0), Map.entry("debitedCredits", 0), Map.entry("reserved", 7),
                Map.entry("available", balance - 7), Map.entry("payerId", userId),
                Map.entry("updatedAt", "2025-01-01T00:00:00Z"), Map.entry("somethingNew", true));
        return json(200, account);
    }

    /** The admin list's credits: each account with a set balance, and no grants. */
    private static MockResponse accounts(List<String> ids) {
        List<AccountOverview> accounts = ids.stream()
                .filter(BALANCES::containsKey)
                .map(id -> new AccountOverview(response(id, BALANCES.get(id)), List.of()))
                .toList();
        return json(200, accounts);
    }

    private static MockResponse reserve(JsonNode body) {
        String userId = body.get("userId").asString();
        long balance = BALANCES.getOrDefault(userId, 100_000L);
        if (balance == UNREACHABLE) {
            return problem(500, "internal", "An unexpected error occurred");
        }
        if (balance == TOO_MANY) {
            return problem(429, "too-many-reservations", "This account has too many requests in flight");
        }
        long amount = body.get("estimatedInputTokens").asLong() + body.get("maxOutputTokens").asLong();
        if (balance < amount) {
            return problem(402, "quota-exhausted", "The balance does not cover this request");
        }
        return json(201, Map.of("reservationId", body.get("reservationId").asString(), "accountId", userId,
                "amount", amount, "balance", balance, "available", balance - amount,
                "expiresAt", "2030-01-01T00:00:00Z"));
    }

    /** Holds them all while the balance covers them (it is not lowered, as reserve does not lower it), else none. */
    private static MockResponse reserveAhead(JsonNode body) {
        String userId = body.get("userId").asString();
        long balance = BALANCES.getOrDefault(userId, 100_000L);
        if (balance == UNREACHABLE) {
            return problem(500, "internal", "An unexpected error occurred");
        }
        long amount = body.get("estimatedInputTokens").asLong() + body.get("maxOutputTokens").asLong();
        List<String> ids = body.get("reservationIds").valueStream().map(JsonNode::asString).toList();
        boolean held = balance != TOO_MANY && balance >= amount * ids.size();
        return json(200, Map.of("reservationIds", held ? ids : List.of(), "accountId", userId, "amount", amount,
                "available", balance - (held ? amount * ids.size() : 0), "expiresAt", "2030-01-01T00:00:00Z"));
    }

    private static MockResponse admin(String rest, JsonNode body) {
        String accountId = rest.substring(0, rest.indexOf('/'));
        if (rest.endsWith("/balance")) {
            long balance = body.get("balance").asLong();
            BALANCES.put(accountId, balance);
            return json(200, Map.of("accountId", accountId, "balance", balance, "reserved", 0, "available", balance));
        }
        if (rest.endsWith("/grants")) {
            return json(201, new GrantResponse(body.path("grantId").asString("grant-" + CALLS.size()), accountId,
                    body.get("amount").asLong(), Instant.parse("2025-01-01T00:00:00Z"), null, "ACTIVE"));
        }
        if (rest.endsWith("/refill")) {
            return json(200, new RefillSettings(accountId, body.get("amount").asLong(), body.get("interval").asString(),
                    Instant.parse("2025-01-01T00:00:00Z"), null));
        }
        AccountResponse account = response(accountId, BALANCES.getOrDefault(accountId, 100_000L));
        String organisation = body.path("organisationId").isString() ? body.get("organisationId").asString() : null;
        return json(200, new AccountResponse(account.userId(), account.balance(), account.startingBalance(), 0, 0, 0,
                0, 0, account.available(), organisation, organisation == null ? accountId : "org:" + organisation, null,
                account.updatedAt()));
    }

    private static AccountResponse response(String userId, long balance) {
        return new AccountResponse(userId, balance, 100_000, 0, 0, 0, 0, 0, balance, null, userId, null,
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    private static MockResponse problem(int status, String kind, String detail) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/problem+json")
                .body(ApiClient.json(Map.of("type", "urn:parley:problem:" + kind, "status", status, "detail", detail)))
                .build();
    }

    private static MockResponse json(int status, Object body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(ApiClient.json(body)).build();
    }
}
