package dev.parley.ingress.project;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.parley.ingress.limit.CapProperties;
import dev.parley.ingress.limit.Caps;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.ingress.web.PageResponse;

/**
 * The prompts of a user's project. A new content is a new version: one update of the prompt that only applies while
 * its current version is still the one read (and below the cap), so concurrent edits never share a number, then the
 * version's own document. Before that, the version being replaced is stored if a crash left it missing, so no
 * content is ever lost.
 */
@Service
class PromptService {

    static final int MAX_CONTENT = 32000;

    private final ProjectService projects;
    private final MongoTemplate mongo;
    private final CapProperties caps;
    private final Clock clock;

    PromptService(ProjectService projects, MongoTemplate mongo, CapProperties caps, Clock clock) {
        this.projects = projects;
        this.mongo = mongo;
        this.caps = caps;
        this.clock = clock;
    }

    PromptResponse create(String userId, String projectId, CreatePromptRequest request) {
        projects.takePromptSlot(userId, projectId);
        Instant now = clock.instant();
        var prompt = new PromptDocument(new ObjectId().toHexString(), projectId, userId, request.name().trim(), 1,
                request.content(), null, now, now, null);
        try {
            mongo.insert(prompt);
        } catch (RuntimeException e) {
            projects.givePromptSlot(userId, projectId);
            throw e;
        }
        storeVersion(prompt, 1, request.content(), now);
        return PromptResponse.of(prompt);
    }

    /** Newest first, each with its current content only. */
    PageResponse<PromptResponse> list(String userId, String projectId, int page, int size) {
        projects.requireOwned(userId, projectId);
        Query query = Query.query(live(userId, projectId));
        long total = mongo.count(query, PromptDocument.class);
        query.with(PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        // prompts stored before versions moved out carry them inline: never load those for a list
        query.fields().exclude("versions");
        var items = mongo.find(query, PromptDocument.class).stream()
                .map(prompt -> prompt.content() == null ? require(userId, projectId, prompt.id()) : prompt)
                .map(PromptResponse::of).toList();
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
            if (prompt.currentVersion() >= caps.maxPromptVersions()) {
                throw Caps.reached("versions of this prompt", caps.maxPromptVersions());
            }
            storeVersion(prompt, prompt.currentVersion(), prompt.currentContent(), prompt.updatedAt());
            query.addCriteria(Criteria.where("currentVersion").is(prompt.currentVersion()));
            update.inc("currentVersion", 1).set("content", request.content());
        }
        if (mongo.updateFirst(query, update, PromptDocument.class).getMatchedCount() == 0) {
            throw ApiProblem.conflict("Prompt " + promptId + " changed meanwhile; read it and try again");
        }
        if (request.content() != null) {
            storeVersion(prompt, prompt.currentVersion() + 1, request.content(), now);
        }
        return get(userId, projectId, promptId);
    }

    void delete(String userId, String projectId, String promptId) {
        require(userId, projectId, promptId);
        if (mongo.updateFirst(Query.query(live(userId, projectId).and("id").is(promptId)),
                Update.update("deletedAt", clock.instant()), PromptDocument.class).getModifiedCount() > 0) {
            projects.givePromptSlot(userId, projectId);
        }
    }

    /** Oldest first, one page, each read by its id. */
    List<PromptVersionResponse> versions(String userId, String projectId, String promptId, int page, int size) {
        PromptDocument prompt = require(userId, projectId, promptId);
        int from = page * size + 1;
        int to = Math.min(prompt.currentVersion(), from + size - 1);
        if (from > to) {
            return List.of();
        }
        List<String> ids = IntStream.rangeClosed(from, to).mapToObj(n -> PromptVersionDocument.id(promptId, n))
                .toList();
        Map<Integer, PromptVersion> stored = mongo.find(Query.query(Criteria.where("_id").in(ids)),
                PromptVersionDocument.class).stream().map(PromptVersionDocument::toVersion)
                .collect(Collectors.toMap(PromptVersion::version, Function.identity()));
        return IntStream.rangeClosed(from, to).mapToObj(n -> stored.containsKey(n) ? stored.get(n) : fallback(prompt, n))
                .filter(version -> version != null).map(PromptVersionResponse::of).toList();
    }

    PromptVersionResponse version(String userId, String projectId, String promptId, int number) {
        PromptDocument prompt = require(userId, projectId, promptId);
        PromptVersionDocument stored = number > prompt.currentVersion() ? null
                : mongo.findById(PromptVersionDocument.id(promptId, number), PromptVersionDocument.class);
        PromptVersion version = stored != null ? stored.toVersion() : fallback(prompt, number);
        if (version == null) {
            throw ApiProblem.notFound("Version " + number + " of prompt " + promptId + " not found");
        }
        return PromptVersionResponse.of(version);
    }

    /** A version without its own document: the current one (a crash came between), or an inline one of old. */
    private static PromptVersion fallback(PromptDocument prompt, int number) {
        if (number == prompt.currentVersion()) {
            return new PromptVersion(number, prompt.currentContent(), prompt.updatedAt());
        }
        return prompt.legacyVersion(number);
    }

    /** Stores the version unless it is stored: versions never change. */
    private void storeVersion(PromptDocument prompt, int number, String content, Instant at) {
        try {
            mongo.insert(new PromptVersionDocument(PromptVersionDocument.id(prompt.id(), number), prompt.id(),
                    prompt.userId(), number, content, at));
        } catch (DuplicateKeyException stored) {
            // written before (the usual case for the version an edit replaces)
        }
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
