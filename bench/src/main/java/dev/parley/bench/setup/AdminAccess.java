package dev.parley.bench.setup;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the bench becomes admin: the one place to adapt when admin bootstrap changes. The stack is started with a
 * bootstrap token of the bench's own ({@code PARLEY_ADMIN_TOKEN}), which the bench's admin redeems with
 * {@code POST /api/admin/bootstrap} (a fresh stack each run: the token is unredeemed, or redeemed by this admin).
 */
public final class AdminAccess {

    public static final String EMAIL = "bench-admin@parley.bench";
    private static final String PASSWORD = "bench admin password 1";

    private final String bootstrapToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));

    /** What the stack must be started with for {@link #signIn} to give an admin. */
    public Map<String, String> stackEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PARLEY_ADMIN_TOKEN", bootstrapToken);
        return env;
    }

    /** Registers (once) and signs in the admin; returns its access token, checked to reach an admin endpoint. */
    public String signIn(JsonHttp http, String baseUrl) {
        Map<String, Object> credentials = Map.of("email", EMAIL, "password", PASSWORD);
        http.send("POST", baseUrl + "/api/auth/register", null, credentials);
        String token = http.expect("POST", baseUrl + "/api/auth/login", null, credentials).text("accessToken");
        if (http.send("GET", baseUrl + "/api/providers", token, null).status() == 403) {
            // not yet admin: redeem the bootstrap token (the access token then works at once: roles come from the account)
            http.send("POST", baseUrl + "/api/admin/bootstrap", token, Map.of("token", bootstrapToken));
            token = http.expect("POST", baseUrl + "/api/auth/login", null, credentials).text("accessToken");
        }
        http.expect("GET", baseUrl + "/api/providers", token, null);
        return token;
    }
}
