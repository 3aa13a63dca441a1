package dev.parley.ingress.message;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Every query names the owner: there is deliberately no lookup by id alone. */
interface MessageRepository extends MongoRepository<MessageDocument, String> {

    Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"));

    Page<MessageDocument> findByConversationIdAndUserId(String conversationId, String userId, Pageable pageable);

    List<MessageDocument> findByConversationIdAndUserId(String conversationId, String userId, Sort sort);

    Optional<MessageDocument> findByIdAndConversationIdAndUserId(String id, String conversationId, String userId);

    Optional<MessageDocument> findByIdAndConversationIdAndUserIdAndRole(String id, String conversationId,
            String userId, MessageRole role);
}
