package dev.parley.ingress.providerkey;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/me/provider-keys")
@Tag(name = "Provider keys", description = "Bring your own key: requests to a provider you have a key for use it")
class ProviderKeyController {

    private final ProviderKeyService keys;

    ProviderKeyController(ProviderKeyService keys) {
        this.keys = keys;
    }

    @PutMapping("/{provider}")
    @Operation(summary = "Store my key for a provider", description = "Replaces an earlier key. The key is stored "
            + "encrypted and never shown again, only its last four characters. The provider's models become "
            + "usable even when the server has no key for it.")
    ProviderKeyResponse put(Authentication user, @PathVariable String provider,
            @Valid @RequestBody PutProviderKeyRequest request) {
        return keys.put(user.getName(), provider, request.apiKey());
    }

    @GetMapping
    @Operation(summary = "List my provider keys", description = "Masked; never the keys.")
    List<ProviderKeyResponse> list(Authentication user) {
        return keys.list(user.getName());
    }

    @DeleteMapping("/{provider}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete my key for a provider", description = "Later requests use the server's key, "
            + "if it has one.")
    void delete(Authentication user, @PathVariable String provider) {
        keys.delete(user.getName(), provider);
    }
}
