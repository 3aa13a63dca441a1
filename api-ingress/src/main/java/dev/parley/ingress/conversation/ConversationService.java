package dev.parley.ingress.conversation;

import java.time.Clock;
import java.time.Instant;

import org.bson.types.ObjectId;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.web.ApiProblem;
import dev.parley.ingress.web.PageResponse;
import dev.parley.ingress.web.ProblemKind;

/** Conversations of one user. Another user's conversation is reported exactly like a missing one. */
@Service
public class ConversationService {

    private final ConversationRepository conversations;
    private final MongoTemplate mongo;
    private final ModelCatalog catalog;
    private final Clock clock;

    ConversationService(ConversationRepository conversations, MongoTemplate mongo, ModelCatalog catalog,
            Clock clock) {
        this.conversations = conversations;
        this.mongo = mongo;
        this.catalog = catalog;
        this.clock = clock;
    }

    ConversationResponse create(String userId, CreateConversationRequest request) {
        String model = blankToNull(request.model());
        if (model != null && catalog.find(model).isEmpty()) {
            throw new ApiProblem(ProblemKind.MODEL_UNKNOWN, "Model '" + model + "' is not available");
        }
        Instant now = clock.instant();
        var conversation = new ConversationDocument(new ObjectId().toHexString(), userId,
                blankToNull(request.title()), model, false, now, now);
        return ConversationResponse.of(conversations.insert(conversation));
    }

    /** Most recently active first. */
    PageResponse<ConversationResponse> list(String userId, int page, int size) {
        var pageable = PageRequest.of(page, size, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id")));
        return PageResponse.of(conversations.findByUserIdAndDeletedFalse(userId, pageable),
                ConversationResponse::of);
    }

    ConversationResponse get(String userId, String conversationId) {
        return ConversationResponse.of(requireOwned(userId, conversationId));
    }

    /** The user's live conversation, or a 404 problem. */
    public ConversationDocument requireOwned(String userId, String conversationId) {
        return conversations.findByIdAndUserIdAndDeletedFalse(conversationId, userId)
                .orElseThrow(() -> ApiProblem.notFound("Conversation " + conversationId + " not found"));
    }

    /** Marks activity, which moves the conversation to the top of the list. */
    public void touch(String userId, String conversationId) {
        mongo.updateFirst(Query.query(Criteria.where("id").is(conversationId).and("userId").is(userId)),
                Update.update("updatedAt", clock.instant()), ConversationDocument.class);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
