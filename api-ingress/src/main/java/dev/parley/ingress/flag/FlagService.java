package dev.parley.ingress.flag;

import java.time.Clock;

import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageQueries;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.ingress.web.PageResponse;

/** Users flag messages of their own conversations; admins list and resolve the flags. */
@Service
public class FlagService {

    private final MongoTemplate mongo;
    private final MessageQueries messages;
    private final Clock clock;

    FlagService(MongoTemplate mongo, MessageQueries messages, Clock clock) {
        this.mongo = mongo;
        this.messages = messages;
        this.clock = clock;
    }

    FlagResponse flag(String userId, String conversationId, String messageId, FlagRequest request) {
        MessageDocument message = messages.requireOwnedMessage(userId, conversationId, messageId);
        var flag = new FlagDocument(new ObjectId().toHexString(), conversationId, message.id(), userId,
                request.reason().trim(), request.category(), false, clock.instant(), null, null);
        try {
            return FlagResponse.of(mongo.insert(flag));
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("You have already flagged message " + messageId);
        }
    }

    /** Admin: newest first, optionally only resolved or only open ones. */
    public PageResponse<FlagResponse> list(Boolean resolved, int page, int size) {
        Query query = resolved == null ? new Query() : Query.query(Criteria.where("resolved").is(resolved));
        var pageable = PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        var found = mongo.find(Query.of(query).with(pageable), FlagDocument.class);
        return PageResponse.of(PageableExecutionUtils.getPage(found, pageable,
                () -> mongo.count(Query.of(query), FlagDocument.class)), FlagResponse::of);
    }

    /** Admin: resolving again keeps the first resolution. */
    public FlagResponse resolve(String flagId, String adminId) {
        Query open = Query.query(Criteria.where("id").is(flagId).and("resolved").is(false));
        Update update = new Update().set("resolved", true).set("resolvedAt", clock.instant())
                .set("resolvedBy", adminId);
        FlagDocument flag = mongo.findAndModify(open, update, FindAndModifyOptions.options().returnNew(true),
                FlagDocument.class);
        if (flag == null) {
            flag = mongo.findById(flagId, FlagDocument.class);
        }
        if (flag == null) {
            throw ApiProblem.notFound("Flag " + flagId + " not found");
        }
        return FlagResponse.of(flag);
    }
}
