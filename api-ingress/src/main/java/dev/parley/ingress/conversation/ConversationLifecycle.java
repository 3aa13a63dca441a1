package dev.parley.ingress.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.limit.Caps;
import dev.parley.ingress.providerkey.ProviderKeyService;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.ingress.web.PageResponse;
import dev.parley.platform.problem.ProblemKind;

/**
 * Changes to a conversation after its creation: settings, soft delete, the current branch, and the admin's view
 * of deleted conversations. Deleting keeps every message, so that an admin can restore the conversation whole.
 */
@Service
public class ConversationLifecycle {

    private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

    private final ConversationService conversations;
    private final MongoTemplate mongo;
    private final ModelCatalog catalog;
    private final ProviderKeyService providerKeys;
    private final Caps caps;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ConversationLifecycle(ConversationService conversations, MongoTemplate mongo, ModelCatalog catalog,
            ProviderKeyService providerKeys, Caps caps, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.conversations = conversations;
        this.mongo = mongo;
        this.catalog = catalog;
        this.providerKeys = providerKeys;
        this.caps = caps;
        this.clock = clock;
    }

    ConversationResponse update(String userId, String conversationId, UpdateConversationRequest request) {
        conversations.requireOwned(userId, conversationId);
        Update update = Update.update("updatedAt", clock.instant());
        if (request.title() != null) {
            update.set("title", blankToNull(request.title()));
        }
        if (request.model() != null) {
            String model = blankToNull(request.model());
            if (model != null && catalog.find(model, providerKeys.providers(userId)).isEmpty()) {
                throw new ApiProblem(ProblemKind.MODEL_UNKNOWN, "Model '" + model + "' is not available");
            }
            update.set("model", model);
        }
        if (request.temperature() != null) {
            update.set("temperature", request.temperature());
        }
        return ConversationResponse.of(modify(live(userId, conversationId), update)
                .orElseThrow(() -> notFound(conversationId)));
    }

    /**
     * Soft delete. Its files are deleted for good (by {@link ConversationDeleted}'s listeners, which also make this
     * instance forget its answers in progress): a restored conversation comes back without them.
     */
    void delete(String userId, String conversationId) {
        // the document as it was, to know its files
        ConversationDocument before = Optional.ofNullable(mongo.findAndModify(live(userId, conversationId),
                Update.update("deleted", true).set("deletedAt", clock.instant())
                        .set(ConversationDocument.ATTACHMENT_IDS, List.of()),
                FindAndModifyOptions.options().returnNew(false), ConversationDocument.class))
                .orElseThrow(() -> notFound(conversationId));
        caps.give(userId, Caps.Counted.CONVERSATIONS);
        events.publishEvent(new ConversationDeleted(userId, conversationId, before.attachmentIds()));
    }

    /** Makes the branch that ends with the message current. The caller has checked the message belongs here. */
    public void activate(String userId, String conversationId, String leafId) {
        modify(live(userId, conversationId), Update.update("currentLeafId", leafId))
                .orElseThrow(() -> notFound(conversationId));
    }

    /** Admin: brings a deleted conversation back; unknown and live ones are a 404. */
    public ConversationDocument restore(String conversationId) {
        Query deleted = Query.query(Criteria.where("id").is(conversationId).and("deleted").is(true));
        ConversationDocument restored = modify(deleted, Update.update("deleted", false).unset("deletedAt"))
                .orElseThrow(() -> ApiProblem.notFound("No deleted conversation " + conversationId));
        // an admin's decision: it counts again, even above the owner's cap
        caps.force(restored.userId(), Caps.Counted.CONVERSATIONS);
        return restored;
    }

    /** Admin: everyone's conversations, or one user's, optionally only deleted or only live ones. */
    public PageResponse<ConversationDocument> adminList(Boolean deleted, String userId, int page, int size) {
        Criteria criteria = new Criteria();
        if (deleted != null) {
            criteria = criteria.and("deleted").is(deleted);
        }
        if (userId != null && !userId.isBlank()) {
            criteria = criteria.and("userId").is(userId);
        }
        var pageable = PageRequest.of(page, size, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id")));
        Query query = Query.query(criteria);
        var found = mongo.find(Query.of(query).with(pageable), ConversationDocument.class);
        return PageResponse.of(PageableExecutionUtils.getPage(found, pageable,
                () -> mongo.count(Query.of(query), ConversationDocument.class)), conversation -> conversation);
    }

    private static Query live(String userId, String conversationId) {
        return Query.query(Criteria.where("id").is(conversationId).and("userId").is(userId).and("deleted").is(false));
    }

    private Optional<ConversationDocument> modify(Query query, Update update) {
        return Optional.ofNullable(mongo.findAndModify(query, update, RETURN_NEW, ConversationDocument.class));
    }

    private static ApiProblem notFound(String conversationId) {
        return ApiProblem.notFound("Conversation " + conversationId + " not found");
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.trim();
    }
}
