package dev.parley.ingress.providerkey;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import dev.parley.events.ProviderCredential;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.config.KeyRings;
import dev.parley.ingress.web.ApiProblem;
import dev.parley.platform.crypto.KeyRing;

/**
 * Users' own provider keys: stored sealed, listed masked, and handed to the worker only sealed for one request.
 */
@Service
public class ProviderKeyService {

    private final ProviderKeyRepository keys;
    private final ModelCatalog catalog;
    private final ProviderKeySealer sealer;
    private final Clock clock;

    ProviderKeyService(ProviderKeyRepository keys, ModelCatalog catalog, KeyRings rings, Clock clock) {
        this.keys = keys;
        this.catalog = catalog;
        this.sealer = new ProviderKeySealer(rings);
        this.clock = clock;
    }

    ProviderKeyResponse put(String userId, String provider, String apiKey) {
        if (!catalog.takesKey(provider)) {
            throw ApiProblem.validation("provider", "'" + provider + "' is not a catalog provider that takes a key");
        }
        KeyRing.Sealed sealed = sealer.store(userId, provider, apiKey);
        var document = new ProviderKeyDocument(ProviderKeyDocument.id(userId, provider), userId, provider,
                sealed.keyVersion(), sealed.iv(), sealed.ciphertext(), apiKey.substring(apiKey.length() - 4),
                clock.instant());
        return ProviderKeyResponse.of(keys.save(document));
    }

    List<ProviderKeyResponse> list(String userId) {
        return keys.findByUserIdOrderByProvider(userId).stream().map(ProviderKeyResponse::of).toList();
    }

    void delete(String userId, String provider) {
        if (keys.deleteByIdAndUserId(ProviderKeyDocument.id(userId, provider), userId) == 0) {
            throw ApiProblem.notFound("No key stored for provider '" + provider + "'");
        }
    }

    /** The providers the user has a key for. */
    public Set<String> providers(String userId) {
        return keys.findByUserIdOrderByProvider(userId).stream().map(ProviderKeyDocument::provider)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The user's key for the provider sealed for this request only (AAD {@code requestId:userId:provider}), or
     * nothing when the user has none.
     */
    public Optional<ProviderCredential> credential(String requestId, String userId, String provider) {
        return keys.findByIdAndUserId(ProviderKeyDocument.id(userId, provider), userId)
                .map(stored -> forTransport(requestId, stored));
    }

    private ProviderCredential forTransport(String requestId, ProviderKeyDocument stored) {
        try {
            return sealer.forTransport(requestId, stored);
        } catch (KeyRing.CryptoException e) {
            // its ring version was dropped, or the record was altered: only the user can supply the key again
            throw ApiProblem.conflict("Your stored key for provider '" + stored.provider()
                    + "' can no longer be read; store it again");
        }
    }
}
