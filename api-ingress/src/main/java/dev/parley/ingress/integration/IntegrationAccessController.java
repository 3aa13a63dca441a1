package dev.parley.ingress.integration;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.ingress.apikey.ApiKeyResponse;
import dev.parley.ingress.apikey.CreateApiKeyRequest;
import dev.parley.ingress.apikey.CreatedApiKeyResponse;
import dev.parley.ingress.apikey.UserApiKeys;
import dev.parley.ingress.auth.PasswordLinkRequest;
import dev.parley.ingress.auth.PasswordLinks;
import dev.parley.ingress.auth.UserDirectory;
import dev.parley.platform.problem.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * How the users of an outside system get in on their own: a set-password link the system sends them, and API keys
 * it hands to their programs. Users are named by the system's external id; an unknown one is a 404 (setting a
 * quota creates the user).
 */
@RestController
@RequestMapping("/api/integrations/users/{externalId}")
@Tag(name = "Integrations")
class IntegrationAccessController {

    private static final String INTEGRATION = "integration";

    private final UserDirectory users;
    private final UserApiKeys keys;
    private final PasswordLinks links;

    IntegrationAccessController(UserDirectory users, UserApiKeys keys, PasswordLinks links) {
        this.users = users;
        this.keys = keys;
        this.links = links;
    }

    @PostMapping("/password-link")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A set-password link for a user", description = "One use, valid 72 hours (`url` opens the "
            + "web app's page; `token` is for a page of your own, which posts it to `/api/auth/password-link`). A "
            + "user without an email needs `email`: it becomes the address they sign in with.")
    PasswordLinks.Issued passwordLink(@PathVariable @Size(max = 128) @Pattern(regexp = IntegrationController.ID,
            message = IntegrationController.ID_RULE)
            String externalId, @Valid @RequestBody(required = false) PasswordLinkRequest request) {
        return links.issue(userOf(externalId), request == null ? null : request.email(), INTEGRATION);
    }

    @PostMapping("/keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API key for a user", description = "The key is shown once, in this answer.")
    CreatedApiKeyResponse issueKey(@PathVariable @Size(max = 128) @Pattern(regexp = IntegrationController.ID,
            message = IntegrationController.ID_RULE)
            String externalId, @Valid @RequestBody CreateApiKeyRequest request) {
        return keys.issue(userOf(externalId), request, INTEGRATION);
    }

    @GetMapping("/keys")
    @Operation(summary = "A user's API keys")
    List<ApiKeyResponse> listKeys(@PathVariable @Size(max = 128) @Pattern(regexp = IntegrationController.ID,
            message = IntegrationController.ID_RULE)
            String externalId) {
        return keys.list(userOf(externalId));
    }

    @DeleteMapping("/keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a user's API key")
    void revokeKey(@PathVariable @Size(max = 128) @Pattern(regexp = IntegrationController.ID,
            message = IntegrationController.ID_RULE) String externalId,
            @PathVariable @Size(max = 64) String keyId) {
        keys.revoke(userOf(externalId), keyId);
    }

    private String userOf(String externalId) {
        return users.findExternal(externalId)
                .orElseThrow(() -> ApiProblem.notFound("No user with external id " + externalId));
    }
}
