package dev.parley.worker.credential;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param transportKeys the ring api-ingress seals users' own provider keys with ({@code v1:<base64>[,...]});
 *        blank: own-key requests fail with {@code credential_invalid}
 */
@ConfigurationProperties("parley.worker")
record CredentialProperties(String transportKeys) {
}
