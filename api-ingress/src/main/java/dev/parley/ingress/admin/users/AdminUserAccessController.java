package dev.parley.ingress.admin.users;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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

/** Admin: a user's ways in that the user did not make: API keys and set-password links. */
@RestController
@RequestMapping("/api/admin/users/{userId}")
@Tag(name = "Admin users")
class AdminUserAccessController {

    private final UserApiKeys keys;
    private final PasswordLinks links;
    private final UserDirectory users;

    AdminUserAccessController(UserApiKeys keys, PasswordLinks links, UserDirectory users) {
        this.keys = keys;
        this.links = links;
        this.users = users;
    }

    @PostMapping("/keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API key for a user", description = "The key is shown once, in this answer.")
    CreatedApiKeyResponse issueKey(Authentication admin, @PathVariable @Size(max = 128) String userId,
            @Valid @RequestBody CreateApiKeyRequest request) {
        return keys.issue(existing(userId), request, admin.getName());
    }

    @GetMapping("/keys")
    @Operation(summary = "A user's API keys", description = "Newest first, revoked and expired ones included.")
    List<ApiKeyResponse> listKeys(@PathVariable @Size(max = 128) String userId) {
        return keys.list(existing(userId));
    }

    @DeleteMapping("/keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a user's API key")
    void revokeKey(@PathVariable @Size(max = 128) String userId, @PathVariable @Size(max = 64) String keyId) {
        keys.revoke(existing(userId), keyId);
    }

    @PostMapping("/password-link")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A set-password link for a user", description = "One use, valid 72 hours; `email` for a "
            + "user without one. The answer's `url` opens the web app's set-password page.")
    PasswordLinks.Issued passwordLink(Authentication admin, @PathVariable @Size(max = 128) String userId,
            @Valid @RequestBody(required = false) PasswordLinkRequest request) {
        return links.issue(existing(userId), request == null ? null : request.email(), admin.getName());
    }

    private String existing(String userId) {
        if (!users.exists(userId)) {
            throw ApiProblem.notFound("User " + userId + " not found");
        }
        return userId;
    }
}
