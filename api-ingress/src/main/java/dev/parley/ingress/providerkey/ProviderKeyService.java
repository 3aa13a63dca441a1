package dev.parley.ingress.providerkey;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.parley.events.ProviderCredential;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.catalog.OwnKeys;
import dev.parley.ingress.keyring.KeyRings;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.crypto.KeyRing;

/**
 * Users' own provider keys: stored sealed, listed masked, and handed to the worker only sealed for one request.
 * Every chat request asks which keys its user has, so a user's keys are read by their ids (one per catalog
 * provider that takes keys: an {@code _id $in} lookup, never a scan) and kept for a few seconds. A change is
 * seen at once on the instance that made it and within {@code parley.provider-keys.cache-ttl} on the others.
 */
@Service
public class ProviderKeyService implements OwnKeys {

    private final ProviderKeyRepository keys;
    private final ModelCatalog catalog;
    private final ProviderKeySealer sealer;
    private final Clock clock;
    private final Cache<String, Map<String, ProviderKeyDocument>> byUser;

    ProviderKeyService(ProviderKeyRepository keys, ModelCatalog catalog, KeyRings rings, Clock clock,
            @Value("${parley.provider-keys.cache-ttl:5s}") Duration cacheTtl) {
        this.keys = keys;
        this.catalog = catalog;
        this.sealer = new ProviderKeySealer(rings);
        this.clock = clock;
        this.byUser = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(100_000).build();
    }

    ProviderKeyResponse put(String userId, String provider, String apiKey) {
        if (!catalog.takesOwnKeys(provider)) {
            throw ApiProblem.validation("provider", "'" + provider + "' is not a catalog provider that takes users' "
                    + "own keys (the mock and servers the operator runs, such as vLLM or Ollama, take none)");
        }
        KeyRing.Sealed sealed = sealer.store(userId, provider, apiKey);
        var document = new ProviderKeyDocument(ProviderKeyDocument.id(userId, provider), userId, provider,
                sealed.keyVersion(), sealed.iv(), sealed.ciphertext(), apiKey.substring(apiKey.length() - 4),
                clock.instant());
        ProviderKeyDocument saved = keys.save(document);
        byUser.invalidate(userId);
        return ProviderKeyResponse.of(saved);
    }

    /** Every stored key, also of a provider no longer in the catalog (not on the request path: a plain query). */
    List<ProviderKeyResponse> list(String userId) {
        return keys.findByUserIdOrderByProvider(userId).stream().map(ProviderKeyResponse::of).toList();
    }

    void delete(String userId, String provider) {
        long deleted = keys.deleteByIdAndUserId(ProviderKeyDocument.id(userId, provider), userId);
        byUser.invalidate(userId);
        if (deleted == 0) {
            throw ApiProblem.notFound("No key stored for provider '" + provider + "'");
        }
    }

    /** The providers the user has a key for that takes own keys (one stored before a provider stopped is ignored). */
    @Override
    public Set<String> providers(String userId) {
        return stored(userId).keySet();
    }

    /**
     * The user's key for the provider sealed for this request only (AAD {@code requestId:userId:provider}), or
     * nothing when the user has none, or when the provider takes no own keys: usage on the operator's own endpoint
     * is always debited, whatever key a user stored for it. No lookup at all for such providers (the mock).
     */
    public Optional<ProviderCredential> credential(String requestId, String userId, String provider) {
        return ownKey(userId, provider).map(key -> key.sealedFor(requestId));
    }

    /**
     * The user's key for the provider, to be sealed for a request once its id is known (see {@link #credential});
     * nothing when the user has none or the provider takes no own keys.
     */
    public Optional<OwnKey> ownKey(String userId, String provider) {
        return Optional.ofNullable(stored(userId).get(provider)).map(stored -> requestId -> forTransport(requestId,
                stored));
    }

    /** A user's stored provider key, read but not yet sealed for a request. */
    @FunctionalInterface
    public interface OwnKey {

        ProviderCredential sealedFor(String requestId);
    }

    /** The user's keys by provider, of the catalog's providers that take keys. */
    private Map<String, ProviderKeyDocument> stored(String userId) {
        return byUser.get(userId, this::load);
    }

    private Map<String, ProviderKeyDocument> load(String userId) {
        List<String> ids = catalog.keyProviders().stream().map(provider -> ProviderKeyDocument.id(userId, provider))
                .toList();
        Map<String, ProviderKeyDocument> found = new HashMap<>();
        keys.findAllById(ids).forEach(document -> {
            if (userId.equals(document.userId())) {
                found.put(document.provider(), document);
            }
        });
        return Map.copyOf(found);
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
