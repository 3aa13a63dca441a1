package dev.parley.ingress.project;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.parley.ingress.web.ApiProblem;
import dev.parley.ingress.web.PageResponse;

/**
 * The prompts of a user's project. A new content is a new version, appended with one update that only applies
 * while the current version is still the one read, so that concurrent edits never share a number.
 */
@Service
class PromptService {

    static final int MAX_CONTENT = 32000;

    private final ProjectService projects;
    private final MongoTemplate mongo;
    private final Clock clock;

    PromptService(ProjectService projects, MongoTemplate mongo, Clock clock) {
        this.projects = projects;
        this.mongo = mongo;
        this.clock = clock;
    }

    PromptResponse create(String userId, String projectId, CreatePromptRequest request) {
        projects.requireOwned(userId, projectId);
        Instant now = clock.instant();
        var prompt = new PromptDocument(new ObjectId().toHexString(), projectId, userId, request.name().trim(), 1,
                List.of(new PromptVersion(1, request.content(), now)), now, now, null);
        return PromptResponse.of(mongo.insert(prompt));
    }

    /** Newest first. */
    PageResponse<PromptResponse> list(String userId, String projectId, int page, int size) {
        projects.requireOwned(userId, projectId);
        Query query = Query.query(live(userId, projectId));
        long total = mongo.count(query, PromptDocument.class);
        query.with(PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        var items = mongo.find(query, PromptDocument.class).stream().map(PromptResponse::of).toList();
        return new PageResponse<>(items, page, size, total);
    }

    PromptResponse get(String userId, String projectId, String promptId) {
        return PromptResponse.of(require(userId, projectId, promptId));
    }

    PromptResponse update(String userId, String projectId, String promptId, UpdatePromptRequest request) {
        PromptDocument prompt = require(userId, projectId, promptId);
        Instant now = clock.instant();
        Update update = Update.update("updatedAt", now);
        if (request.name() != null) {
            update.set("name", request.name().trim());
        }
        Query query = Query.query(live(userId, projectId).and("id").is(promptId));
        if (request.content() != null) {
            int next = prompt.currentVersion() + 1;
            query.addCriteria(Criteria.where("currentVersion").is(prompt.currentVersion()));
            update.inc("currentVersion", 1).push("versions", new Document("version", next)
                    .append("content", request.content()).append("createdAt", Date.from(now)));
        }
        if (mongo.updateFirst(query, update, PromptDocument.class).getMatchedCount() == 0) {
            throw ApiProblem.conflict("Prompt " + promptId + " changed meanwhile; read it and try again");
        }
        return get(userId, projectId, promptId);
    }

    void delete(String userId, String projectId, String promptId) {
        require(userId, projectId, promptId);
        mongo.updateFirst(Query.query(live(userId, projectId).and("id").is(promptId)),
                Update.update("deletedAt", clock.instant()), PromptDocument.class);
    }

    /** Oldest first. */
    List<PromptVersionResponse> versions(String userId, String projectId, String promptId) {
        return require(userId, projectId, promptId).versions().stream().map(PromptVersionResponse::of).toList();
    }

    PromptVersionResponse version(String userId, String projectId, String promptId, int number) {
        PromptVersion version = require(userId, projectId, promptId).version(number);
        if (version == null) {
            throw ApiProblem.notFound("Version " + number + " of prompt " + promptId + " not found");
        }
        return PromptVersionResponse.of(version);
    }

    private PromptDocument require(String userId, String projectId, String promptId) {
        projects.requireOwned(userId, projectId);
        PromptDocument prompt = mongo.findOne(Query.query(live(userId, projectId).and("id").is(promptId)),
                PromptDocument.class);
        if (prompt == null) {
            throw ApiProblem.notFound("Prompt " + promptId + " not found");
        }
        return prompt;
    }

    private static Criteria live(String userId, String projectId) {
        return Criteria.where("projectId").is(projectId).and("userId").is(userId).and("deletedAt").is(null);
    }
}
