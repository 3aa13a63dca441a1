package dev.parley.worker.credential;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param transportKeys the ring api-ingress seals the provider keys of requests with ({@code v1:<base64>[,...]});
 *        blank: requests carrying a key fail with {@code credential_invalid}
 */
@ConfigurationProperties("parley.worker")
record CredentialProperties(String transportKeys) {
}
