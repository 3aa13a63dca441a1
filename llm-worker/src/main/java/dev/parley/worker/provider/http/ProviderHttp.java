package dev.parley.worker.provider.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.parley.platform.outbound.GuardedHttp;
import dev.parley.platform.outbound.OutboundAddressPolicy;
import dev.parley.worker.config.ProviderProperties;

/**
 * The HTTP client of all remote providers: one connection pool, each provider with its own connect timeout.
 * Providers that came with a request (catalog providers) get a guarded variant of the same client.
 */
@Component
public class ProviderHttp implements DisposableBean {

    /**
     * Time to first token, idle and total limits are enforced per stream by the generation's watchdog, which
     * can tell them apart; this read limit only catches a socket that went silent beyond all of them.
     */
    static final Duration READ_BACKSTOP_MARGIN = Duration.ofSeconds(30);

    private final OkHttpClient shared;
    private final OutboundAddressPolicy policy;

    public ProviderHttp(OutboundAddressPolicy policy, ProviderConnections connections) {
        this.policy = policy;
        this.shared = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(connections.maxIdle(), connections.keepAlive().toMillis(),
                        TimeUnit.MILLISECONDS))
                .build();
    }

    /** For the operator's configured providers: trusted, so a local model server on localhost just works. */
    public OkHttpClient client(ProviderProperties properties) {
        return builder(properties).build();
    }

    /**
     * Refuses internal addresses after DNS, IP literals included, and follows no redirect; a refusal is a
     * {@link GuardedHttp.RefusedAddressException}. Shares the connection pool; pooled connections of the plain
     * client are not reused, because OkHttp keys connections by their resolver too.
     */
    public OkHttpClient guardedClient(ProviderProperties properties) {
        return GuardedHttp.guard(builder(properties), policy).build();
    }

    private OkHttpClient.Builder builder(ProviderProperties properties) {
        ProviderProperties.Timeouts timeouts = properties.timeouts();
        Duration longestSilence = timeouts.firstToken().compareTo(timeouts.idle()) > 0 ? timeouts.firstToken()
                : timeouts.idle();
        return shared.newBuilder()
                .connectTimeout(timeouts.connect())
                .readTimeout(longestSilence.plus(READ_BACKSTOP_MARGIN));
    }

    /** Tolerates a trailing slash, so that a path is appended as one path. */
    public static HttpUrl baseUrl(String name, ProviderProperties properties) {
        if (!properties.hasBaseUrl()) {
            throw new IllegalStateException("parley.worker.providers." + name + ".base-url is required");
        }
        String url = properties.baseUrl().toString();
        return HttpUrl.get(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    @Override
    public void destroy() {
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }
}
