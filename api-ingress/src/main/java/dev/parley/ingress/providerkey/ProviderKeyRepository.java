package dev.parley.ingress.providerkey;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Ids embed the owner, and every query names the owner as well. */
interface ProviderKeyRepository extends MongoRepository<ProviderKeyDocument, String> {

    List<ProviderKeyDocument> findByUserIdOrderByProvider(String userId);

    Optional<ProviderKeyDocument> findByIdAndUserId(String id, String userId);

    long deleteByIdAndUserId(String id, String userId);
}
