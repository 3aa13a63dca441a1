package dev.parley.ingress.apikey;

import java.util.List;

import jakarta.validation.Valid;

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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/keys")
@Tag(name = "API keys", description = "Personal API keys: bearer tokens for programs, usable wherever a login is")
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API key", description = "The answer holds the key itself; it is never shown "
            + "again, only its prefix. Use it as `Authorization: Bearer pk_...`.")
    CreatedApiKeyResponse create(Authentication user, @Valid @RequestBody CreateApiKeyRequest request) {
        return keys.create(user.getName(), request);
    }

    @GetMapping
    @Operation(summary = "List my API keys", description = "Newest first, revoked and expired keys included; "
            + "never the secrets.")
    List<ApiKeyResponse> list(Authentication user) {
        return keys.list(user.getName());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API key", description = "Takes effect on the next request that uses it.")
    void revoke(Authentication user, @PathVariable String id) {
        keys.revoke(user.getName(), id);
    }
}
