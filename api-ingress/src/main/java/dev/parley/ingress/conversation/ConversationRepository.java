package dev.parley.ingress.conversation;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/** Every query names the owner: there is deliberately no lookup by id alone. */
interface ConversationRepository extends MongoRepository<ConversationDocument, String> {

    Optional<ConversationDocument> findByIdAndUserIdAndDeletedFalse(String id, String userId);

    // lists leave out each conversation's message tree, which only a conversation's own reads need
    @Query(value = "{ 'userId': ?0, 'deleted': false }", fields = "{ 'nodes': 0 }")
    Page<ConversationDocument> findByUserIdAndDeletedFalse(String userId, Pageable pageable);

    @Query(value = "{ 'userId': ?0, 'projectId': ?1, 'deleted': false }", fields = "{ 'nodes': 0 }")
    Page<ConversationDocument> findByUserIdAndProjectIdAndDeletedFalse(String userId, String projectId,
            Pageable pageable);
}
