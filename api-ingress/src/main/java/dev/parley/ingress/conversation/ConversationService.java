package dev.parley.ingress.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.limit.Caps;
import dev.parley.ingress.project.ProjectService;
import dev.parley.ingress.providerkey.ProviderKeyService;
import dev.parley.ingress.project.SystemPrompt;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.ingress.web.PageResponse;
import dev.parley.platform.problem.ProblemKind;

/** Conversations of one user. Another user's conversation is reported exactly like a missing one. */
@Service
public class ConversationService {

    private final ConversationRepository conversations;
    private final MongoTemplate mongo;
    private final ModelCatalog catalog;
    private final ProviderKeyService providerKeys;
    private final ProjectService projects;
    private final Caps caps;
    private final Clock clock;

    ConversationService(ConversationRepository conversations, MongoTemplate mongo, ModelCatalog catalog,
            ProviderKeyService providerKeys, ProjectService projects, Caps caps, Clock clock) {
        this.conversations = conversations;
        this.mongo = mongo;
        this.catalog = catalog;
        this.providerKeys = providerKeys;
        this.projects = projects;
        this.caps = caps;
        this.clock = clock;
    }

    ConversationResponse create(String userId, CreateConversationRequest request) {
        String model = blankToNull(request.model());
        if (model != null && catalog.find(model, providerKeys.providers(userId)).isEmpty()) {
            throw new ApiProblem(ProblemKind.MODEL_UNKNOWN, "Model '" + model + "' is not available");
        }
        String projectId = blankToNull(request.projectId());
        if (projectId != null) {
            projects.requireOwned(userId, projectId);
        }
        Instant now = clock.instant();
        return ConversationResponse.of(insert(new ConversationDocument(new ObjectId().toHexString(), userId,
                blankToNull(request.title()), model, false, now, now, null, null, projectId)));
    }

    /** Removes a conversation created a moment ago whose first message was refused: it holds nothing. */
    void discard(String userId, String conversationId) {
        mongo.remove(Query.query(Criteria.where("id").is(conversationId).and("userId").is(userId)
                .and(ConversationDocument.NODES).size(0)), ConversationDocument.class);
    }

    /** A new conversation that a feature opens on the user's behalf, on the catalog's default model. */
    public ConversationDocument start(String userId, String title) {
        Instant now = clock.instant();
        return insert(new ConversationDocument(new ObjectId().toHexString(), userId, title, null, false, now, now));
    }

    /** Within the user's cap of live conversations (409 {@code limit-reached} beyond). */
    private ConversationDocument insert(ConversationDocument conversation) {
        caps.take(conversation.userId(), Caps.Counted.CONVERSATIONS);
        try {
            return conversations.insert(conversation);
        } catch (RuntimeException e) {
            caps.give(conversation.userId(), Caps.Counted.CONVERSATIONS);
            throw e;
        }
    }

    /** Most recently active first. */
    PageResponse<ConversationResponse> list(String userId, int page, int size) {
        var pageable = PageRequest.of(page, size, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id")));
        return PageResponse.of(conversations.findByUserIdAndDeletedFalse(userId, pageable),
                ConversationResponse::of);
    }

    /** One project's conversations (404 unless the project is mine), most recently active first. */
    PageResponse<ConversationResponse> list(String userId, String projectId, int page, int size) {
        projects.requireOwned(userId, projectId);
        var pageable = PageRequest.of(page, size, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id")));
        return PageResponse.of(conversations.findByUserIdAndProjectIdAndDeletedFalse(userId, projectId, pageable),
                ConversationResponse::of);
    }

    /** The current version of the system prompt of the conversation's project, read anew for every message. */
    public Optional<SystemPrompt> systemPrompt(ConversationDocument conversation) {
        return conversation.projectId() == null ? Optional.empty()
                : projects.systemPrompt(conversation.userId(), conversation.projectId());
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

    /**
     * Records stored messages in the conversation's tree, marks activity and makes the branch that ends with
     * {@code leafId} the current one, in one update.
     */
    public void recordMessages(String userId, String conversationId, List<MessageNode> added, String leafId) {
        Update update = new Update().set("updatedAt", clock.instant()).set("currentLeafId", leafId);
        update.push(ConversationDocument.NODES).each(added.toArray());
        mongo.updateFirst(Query.query(Criteria.where("id").is(conversationId).and("userId").is(userId)), update,
                ConversationDocument.class);
    }

    /**
     * Gives a conversation stored before trees were kept its tree, read once from its messages; a conversation that
     * got one meanwhile keeps its own.
     */
    public void adoptNodes(ConversationDocument conversation, List<MessageNode> nodes) {
        mongo.updateFirst(Query.query(Criteria.where("id").is(conversation.id()).and("userId")
                        .is(conversation.userId()).and(ConversationDocument.NODES).exists(false)),
                Update.update(ConversationDocument.NODES, nodes), ConversationDocument.class);
    }

    /**
     * Adds an uploaded file to the user's live conversation unless it already holds {@code max} files.
     *
     * @return false when the conversation is gone or full
     */
    public boolean addAttachment(String userId, String conversationId, String attachmentId, int max) {
        Query room = Query.query(Criteria.where("id").is(conversationId).and("userId").is(userId).and("deleted")
                .is(false).and(ConversationDocument.ATTACHMENT_IDS + "." + (max - 1)).exists(false));
        return mongo.updateFirst(room, new Update().push(ConversationDocument.ATTACHMENT_IDS, attachmentId),
                ConversationDocument.class).getModifiedCount() == 1;
    }

    public void removeAttachment(String userId, String conversationId, String attachmentId) {
        mongo.updateFirst(Query.query(Criteria.where("id").is(conversationId).and("userId").is(userId)),
                new Update().pull(ConversationDocument.ATTACHMENT_IDS, attachmentId), ConversationDocument.class);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
