package dev.parley.ingress.conversation;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Every query names the owner: there is deliberately no lookup by id alone. */
interface ConversationRepository extends MongoRepository<ConversationDocument, String> {

    Optional<ConversationDocument> findByIdAndUserIdAndDeletedFalse(String id, String userId);

    Page<ConversationDocument> findByUserIdAndDeletedFalse(String userId, Pageable pageable);

    Page<ConversationDocument> findByUserIdAndProjectIdAndDeletedFalse(String userId, String projectId,
            Pageable pageable);
}
