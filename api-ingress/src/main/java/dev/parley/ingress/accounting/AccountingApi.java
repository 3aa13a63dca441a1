package dev.parley.ingress.accounting;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.hc.core5.util.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import io.micrometer.observation.ObservationRegistry;

import dev.parley.contracts.accounting.InternalAccountingApi;
import dev.parley.platform.problem.ApiProblem;

/**
 * The one way api-ingress calls usage-accounting: the accounting-api contract's {@link InternalAccountingApi} over a
 * RestClient with the service token and short timeouts, at most {@code max-concurrent-calls} calls in flight (more
 * wait up to the read timeout for a free one). Accounting's problems become ours by their type
 * ({@link AccountingProblems}); no answer at all is "unavailable", since the client can only retry.
 */
@Component
@EnableConfigurationProperties(AccountingProperties.class)
public class AccountingApi {

    private static final Logger log = LoggerFactory.getLogger(AccountingApi.class);

    private final InternalAccountingApi client;
    private final Semaphore calls;
    private final long waitForCallMillis;

    AccountingApi(RestClient.Builder builder, AccountingProperties properties) {
        var settings = HttpClientSettings.defaults()
                .withTimeouts(properties.connectTimeout(), properties.readTimeout());
        this.calls = new Semaphore(properties.maxConcurrentCalls(), true);
        this.waitForCallMillis = properties.readTimeout().toMillis();
        RestClient restClient = builder.clone()
                // not observed: the reservation, the one call per chat request, has its own timer
                // (parley.ingress.reservation), and the client observation (http.client.requests) cost about 2 % of
                // api-ingress's CPU in a profile of the bench's peak load while feeding no tracer and no dashboard
                .observationRegistry(ObservationRegistry.NOOP)
                .baseUrl(properties.url())
                .requestFactory(requestFactory(properties.maxConcurrentCalls()).build(settings))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.serviceToken())
                .build();
        this.client = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient)).build()
                .createClient(InternalAccountingApi.class);
    }

    /**
     * Apache HttpClient's classic, blocking client: the call runs on the request's own thread over a pooled keep-alive
     * connection. The JDK's HttpClient ran every call through its selector and executor threads, 10-14 % of
     * api-ingress's CPU under the bench's peak load. A connection idle for more than a second is checked before it is
     * reused (accounting may have closed it), and nothing is retried by the client: a failed call is "unavailable"
     * to the caller as before.
     */
    static ClientHttpRequestFactoryBuilder<?> requestFactory(int connections) {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withConnectionManagerCustomizer(pool -> pool.setMaxConnPerRoute(connections)
                        .setMaxConnTotal(connections))
                .withConnectionConfigCustomizer(connection -> connection.setValidateAfterInactivity(
                        TimeValue.ofSeconds(1)))
                .withHttpClientCustomizer(client -> client.disableAutomaticRetries());
    }

    /**
     * One call that answers a body.
     *
     * @throws ApiProblem accounting's refusal, or unavailable
     */
    public <T> T call(Function<InternalAccountingApi, T> call) {
        T answer = bounded(call);
        if (answer == null) {
            throw AccountingProblems.unavailable("Usage accounting gave an empty answer; try again shortly", null);
        }
        return answer;
    }

    /** One call that answers nothing (204). */
    public void run(Consumer<InternalAccountingApi> call) {
        bounded(api -> {
            call.accept(api);
            return null;
        });
    }

    private <T> T bounded(Function<InternalAccountingApi, T> call) {
        try {
            if (!calls.tryAcquire(waitForCallMillis, TimeUnit.MILLISECONDS)) {
                throw AccountingProblems.unavailable("Usage accounting is busy; try again shortly", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AccountingProblems.unavailable("Usage accounting is unavailable; try again shortly", e);
        }
        try {
            return call.apply(client);
        } catch (RestClientResponseException e) {
            throw AccountingProblems.translate(e);
        } catch (RestClientException e) {
            // the message names the I/O problem, never the service token
            log.warn("usage-accounting did not answer: {}", e.getMessage());
            throw AccountingProblems.unavailable("Usage accounting is unavailable; try again shortly", e);
        } finally {
            calls.release();
        }
    }
}
