package dev.parley.ingress.apikey;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Every query names the owner, except the lookup by hash that authenticates a request. */
interface ApiKeyRepository extends MongoRepository<ApiKeyDocument, String> {

    Optional<ApiKeyDocument> findByHash(String hash);

    List<ApiKeyDocument> findByUserIdOrderByCreatedAtDesc(String userId);

    boolean existsByIdAndUserId(String id, String userId);
}
