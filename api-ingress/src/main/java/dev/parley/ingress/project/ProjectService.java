package dev.parley.ingress.project;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.bson.types.ObjectId;
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

/** A user's projects. Another user's project, or a deleted one, is reported exactly like a missing one. */
@Service
public class ProjectService {

    private final MongoTemplate mongo;
    private final Caps caps;
    private final CapProperties limits;
    private final Clock clock;

    ProjectService(MongoTemplate mongo, Caps caps, CapProperties limits, Clock clock) {
        this.mongo = mongo;
        this.caps = caps;
        this.limits = limits;
        this.clock = clock;
    }

    ProjectResponse create(String userId, CreateProjectRequest request) {
        caps.take(userId, Caps.Counted.PROJECTS);
        Instant now = clock.instant();
        var project = new ProjectDocument(new ObjectId().toHexString(), userId, request.name().trim(),
                request.description(), null, now, now, null, 0);
        try {
            return ProjectResponse.of(mongo.insert(project));
        } catch (RuntimeException e) {
            caps.give(userId, Caps.Counted.PROJECTS);
            throw e;
        }
    }

    /**
     * Counts one more live prompt on the project, unless it has as many as allowed (one conditional update of the
     * project document; prompts stored before the count existed are not counted).
     *
     * @throws ApiProblem 404 unless the user has this live project, 409 {@code limit-reached} at the cap
     */
    void takePromptSlot(String userId, String projectId) {
        Query below = Query.query(live(userId).and("id").is(projectId).orOperator(
                Criteria.where("promptCount").exists(false), Criteria.where("promptCount").lt(limits.maxPromptsPerProject())));
        if (mongo.updateFirst(below, new Update().inc("promptCount", 1), ProjectDocument.class).getMatchedCount() == 0) {
            require(userId, projectId);
            throw Caps.reached("prompts in this project", limits.maxPromptsPerProject());
        }
    }

    void givePromptSlot(String userId, String projectId) {
        mongo.updateFirst(Query.query(Criteria.where("id").is(projectId).and("userId").is(userId)
                .and("promptCount").gt(0)), new Update().inc("promptCount", -1), ProjectDocument.class);
    }

    /** Newest first. */
    PageResponse<ProjectResponse> list(String userId, int page, int size) {
        Query query = Query.query(live(userId));
        long total = mongo.count(query, ProjectDocument.class);
        query.with(PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        var items = mongo.find(query, ProjectDocument.class).stream().map(ProjectResponse::of).toList();
        return new PageResponse<>(items, page, size, total);
    }

    ProjectResponse get(String userId, String projectId) {
        return ProjectResponse.of(require(userId, projectId));
    }

    ProjectResponse update(String userId, String projectId, UpdateProjectRequest request) {
        require(userId, projectId);
        Update update = Update.update("updatedAt", clock.instant());
        if (request.name() != null) {
            update.set("name", request.name().trim());
        }
        if (request.description() != null) {
            update.set("description", request.description());
        }
        return ProjectResponse.of(modify(userId, projectId, update));
    }

    /** Soft delete, with the project's prompts. */
    void delete(String userId, String projectId) {
        require(userId, projectId);
        Instant now = clock.instant();
        if (mongo.updateFirst(Query.query(live(userId).and("id").is(projectId)), Update.update("deletedAt", now),
                ProjectDocument.class).getModifiedCount() > 0) {
            caps.give(userId, Caps.Counted.PROJECTS);
        }
        mongo.updateMulti(Query.query(Criteria.where("projectId").is(projectId).and("userId").is(userId)
                .and("deletedAt").is(null)), Update.update("deletedAt", now), PromptDocument.class);
    }

    /** The prompt must be a live prompt of the same project (404 otherwise). */
    ProjectResponse chooseSystemPrompt(String userId, String projectId, String promptId) {
        require(userId, projectId);
        if (findPrompt(userId, projectId, promptId) == null) {
            throw ApiProblem.notFound("Prompt " + promptId + " not found");
        }
        return ProjectResponse.of(modify(userId, projectId,
                new Update().set("systemPromptId", promptId).set("updatedAt", clock.instant())));
    }

    /** Throws the 404 problem unless the user has this live project. */
    public void requireOwned(String userId, String projectId) {
        require(userId, projectId);
    }

    /** The current version of the project's system prompt; empty without one, or for a deleted project. */
    public Optional<SystemPrompt> systemPrompt(String userId, String projectId) {
        ProjectDocument project = mongo.findOne(Query.query(live(userId).and("id").is(projectId)),
                ProjectDocument.class);
        if (project == null || project.systemPromptId() == null) {
            return Optional.empty();
        }
        PromptDocument prompt = findPrompt(userId, projectId, project.systemPromptId());
        return Optional.ofNullable(prompt).map(found -> new SystemPrompt(found.id(), found.currentVersion(),
                found.currentContent()));
    }

    ProjectDocument require(String userId, String projectId) {
        ProjectDocument project = mongo.findOne(Query.query(live(userId).and("id").is(projectId)),
                ProjectDocument.class);
        if (project == null) {
            throw ApiProblem.notFound("Project " + projectId + " not found");
        }
        return project;
    }

    private PromptDocument findPrompt(String userId, String projectId, String promptId) {
        return mongo.findOne(Query.query(Criteria.where("id").is(promptId).and("projectId").is(projectId)
                .and("userId").is(userId).and("deletedAt").is(null)), PromptDocument.class);
    }

    private ProjectDocument modify(String userId, String projectId, Update update) {
        mongo.updateFirst(Query.query(live(userId).and("id").is(projectId)), update, ProjectDocument.class);
        return mongo.findOne(Query.query(Criteria.where("id").is(projectId).and("userId").is(userId)),
                ProjectDocument.class);
    }

    private static Criteria live(String userId) {
        return Criteria.where("userId").is(userId).and("deletedAt").is(null);
    }
}
