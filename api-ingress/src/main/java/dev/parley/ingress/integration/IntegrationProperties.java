package dev.parley.ingress.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param token the bearer token of outside systems (PARLEY_INTEGRATION_TOKEN); blank refuses every caller
 */
@Validated
@ConfigurationProperties("parley.integration")
public record IntegrationProperties(String token) {

    @Override
    public String toString() {
        return "IntegrationProperties[token=<hidden>]";
    }
}
