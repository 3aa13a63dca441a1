package dev.parley.ingress.catalogadmin;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.parley.ingress.catalog.ProviderKindRules;

/**
 * A provider to create, or the whole new state of one to replace.
 *
 * @param name required to create; when replacing, absent or the path's name
 * @param baseUrl the API root: required for openai-compatible, absent for mock; absent for openai or anthropic means
 *        the official one. Must not point at an internal address (unless an operator allowed its network)
 * @param apiKey the server's key for the provider, never shown again. Replacing: absent keeps the stored key,
 *        {@code ""} removes it, a value replaces it
 * @param enabled absent: true
 * @param models absent: none
 * @param version when replacing: the version the change was based on; a newer stored version is a 409
 */
record ProviderRequest(
        @Pattern(regexp = NAME, message = "must be 1 to 40 of a-z, 0-9, '.', '_', '-', starting with a letter or digit")
        String name,
        @NotBlank @Pattern(regexp = ProviderKindRules.PATTERN, message = ProviderKindRules.CHOICES) String kind,
        @Size(max = 2048) String baseUrl,
        @Pattern(regexp = "|[\\x21-\\x7E]{8,512}",
                message = "must be 8 to 512 printable ASCII characters without spaces, or empty") String apiKey,
        Boolean enabled,
        @Size(max = 500) List<@NotNull @Valid ModelRequest> models,
        Long version,
        Boolean ownKeys) {

    static final String NAME = "[a-z0-9][a-z0-9._-]{0,39}";

    List<ModelRequest> modelsOrNone() {
        return models == null ? List.of() : models;
    }

    @Override
    public String toString() {
        // a request record must never print its secret, e.g. in a debug log
        return "ProviderRequest[name=" + name + ", kind=" + kind + ", baseUrl=" + baseUrl + ", apiKey=…, enabled="
                + enabled + ", models=" + models + ", version=" + version + ", ownKeys=" + ownKeys + "]";
    }
}
