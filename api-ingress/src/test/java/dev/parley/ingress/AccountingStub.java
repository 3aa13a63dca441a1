package dev.parley.ingress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * usage-accounting's internal API for MockWebServer: checks the service token and answers the balance set for
 * the user (100000 tokens unless set; {@link #UNREACHABLE} answers 500).
 */
public final class AccountingStub extends Dispatcher {

    public static final String SERVICE_TOKEN = "service-token-for-tests";
    public static final long UNREACHABLE = Long.MIN_VALUE;
    public static final Map<String, Long> BALANCES = new ConcurrentHashMap<>();

    private static final String ACCOUNTS = "/internal/accounts/";

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!("Bearer " + SERVICE_TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return new MockResponse.Builder().code(401).build();
        }
        String path = request.getUrl().encodedPath();
        if (!path.startsWith(ACCOUNTS)) {
            return new MockResponse.Builder().code(404).build();
        }
        String userId = path.substring(ACCOUNTS.length());
        long balance = BALANCES.getOrDefault(userId, 100_000L);
        if (balance == UNREACHABLE) {
            return new MockResponse.Builder().code(500).build();
        }
        // the contract's fields, plus one the client does not know: the API may grow
        Map<String, Object> account = Map.of("userId", userId, "balance", balance, "startingBalance", 100_000,
                "inputTokens", 0, "outputTokens", 0, "debitedTokens", 0, "updatedAt", "2025-01-01T00:00:00Z",
                "reserved", 0);
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(ApiClient.json(account))
                .build();
    }
}
