package dev.parley.ingress.usage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.parley.ingress.web.ApiProblem;

/** Reads accounts from usage-accounting's internal API; any failure to get an answer is "unavailable". */
@Component
@EnableConfigurationProperties(AccountingProperties.class)
public class AccountingClient {

    private static final Logger log = LoggerFactory.getLogger(AccountingClient.class);

    private final RestClient restClient;

    AccountingClient(RestClient.Builder builder, AccountingProperties properties) {
        var settings = HttpClientSettings.defaults()
                .withTimeouts(properties.connectTimeout(), properties.readTimeout());
        this.restClient = builder.clone()
                .baseUrl(properties.url())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.serviceToken())
                .build();
    }

    public AccountSnapshot account(String userId) {
        try {
            AccountSnapshot account = restClient.get()
                    .uri("/internal/accounts/{userId}", userId)
                    .retrieve()
                    .body(AccountSnapshot.class);
            if (account == null) {
                throw new IllegalStateException("empty response");
            }
            return account;
        } catch (RestClientException | IllegalStateException e) {
            // the message names the status or the I/O problem, never the service token
            log.warn("usage-accounting did not answer for user {}: {}", userId, e.getMessage());
            throw ApiProblem.unavailable("Usage accounting is unavailable; try again shortly", e);
        }
    }
}
