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

import dev.parley.ingress.web.ApiProblem;
import dev.parley.ingress.web.PageResponse;

/** A user's projects. Another user's project, or a deleted one, is reported exactly like a missing one. */
@Service
public class ProjectService {

    private final MongoTemplate mongo;
    private final Clock clock;

    ProjectService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    ProjectResponse create(String userId, CreateProjectRequest request) {
        Instant now = clock.instant();
        var project = new ProjectDocument(new ObjectId().toHexString(), userId, request.name().trim(),
                request.description(), null, now, now, null);
        return ProjectResponse.of(mongo.insert(project));
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
        modify(userId, projectId, Update.update("deletedAt", now));
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
                found.current().content()));
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
