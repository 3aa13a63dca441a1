package dev.parley.ingress.accounting;

import java.net.URI;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriBuilder;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * usage-accounting's internal API, called with the service token. Answers that concern the caller's input
 * (400, 402, 404, 409, 429) become problems of the same kind; anything else, and no answer at all, is
 * "unavailable", since the client can do nothing about it but retry.
 */
@Component
@EnableConfigurationProperties(AccountingProperties.class)
public class AccountingApi {

    private static final Logger log = LoggerFactory.getLogger(AccountingApi.class);

    private final RestClient restClient;
    private final Semaphore calls;
    private final long waitForCallMillis;

    AccountingApi(RestClient.Builder builder, AccountingProperties properties) {
        var settings = HttpClientSettings.defaults()
                .withTimeouts(properties.connectTimeout(), properties.readTimeout());
        this.calls = new Semaphore(properties.maxConcurrentCalls(), true);
        this.waitForCallMillis = properties.readTimeout().toMillis();
        this.restClient = builder.clone()
                .baseUrl(properties.url())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.serviceToken())
                .build();
    }

    public <T> T get(Class<T> type, Function<UriBuilder, URI> uri) {
        return call(() -> restClient.get().uri(uri).retrieve().body(type));
    }

    /** POST or PUT of a JSON body. */
    public <T> T send(HttpMethod method, Object body, Class<T> type, Function<UriBuilder, URI> uri) {
        return call(() -> restClient.method(method).uri(uri).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(type));
    }

    /** PUT of a JSON body that answers nothing (204). */
    public void put(Object body, Function<UriBuilder, URI> uri) {
        call(() -> restClient.put().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toBodilessEntity());
    }

    public void delete(Function<UriBuilder, URI> uri) {
        call(() -> restClient.delete().uri(uri).retrieve().toBodilessEntity());
    }

    private <T> T call(Supplier<T> request) {
        try {
            if (!calls.tryAcquire(waitForCallMillis, TimeUnit.MILLISECONDS)) {
                throw ApiProblem.unavailable("Usage accounting is busy; try again shortly", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unavailable("Usage accounting is unavailable; try again shortly", e);
        }
        try {
            return answer(request);
        } finally {
            calls.release();
        }
    }

    private <T> T answer(Supplier<T> request) {
        T answer;
        try {
            answer = request.get();
        } catch (RestClientResponseException e) {
            throw translate(e);
        } catch (RestClientException e) {
            // the message names the I/O problem, never the service token
            log.warn("usage-accounting did not answer: {}", e.getMessage());
            throw ApiProblem.unavailable("Usage accounting is unavailable; try again shortly", e);
        }
        if (answer == null) {
            throw ApiProblem.unavailable("Usage accounting gave an empty answer; try again shortly", null);
        }
        return answer;
    }

    private static ApiProblem translate(RestClientResponseException e) {
        ProblemKind kind = switch (e.getStatusCode().value()) {
            case 400 -> ProblemKind.VALIDATION;
            case 402 -> ProblemKind.QUOTA_EXHAUSTED;
            case 404 -> ProblemKind.NOT_FOUND;
            case 409 -> ProblemKind.CONFLICT;
            case 429 -> ProblemKind.TOO_MANY_RESERVATIONS;
            default -> ProblemKind.UNAVAILABLE;
        };
        if (kind == ProblemKind.UNAVAILABLE) {
            log.warn("usage-accounting answered {}", e.getStatusCode());
            return ApiProblem.unavailable("Usage accounting is unavailable; try again shortly", e);
        }
        ApiProblem problem = new ApiProblem(kind, detail(e, kind), e);
        if (kind == ProblemKind.TOO_MANY_RESERVATIONS) {
            // answers in progress end within seconds; a client that waits a little is let in
            problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "2");
        }
        return problem;
    }

    /** The detail of accounting's problem is about the caller's input, so it is worth passing on. */
    private static String detail(RestClientResponseException e, ProblemKind kind) {
        try {
            AccountingProblem problem = e.getResponseBodyAs(AccountingProblem.class);
            if (problem != null && problem.detail() != null && !problem.detail().isBlank()) {
                return problem.detail();
            }
        } catch (RuntimeException unreadable) {
            // not a problem body: the kind's title says enough
        }
        return kind.title();
    }

    record AccountingProblem(String type, String detail) {
    }
}
