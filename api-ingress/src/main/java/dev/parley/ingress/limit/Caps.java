package dev.parley.ingress.limit;

import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * How many projects and conversations each user has, kept in one document per user ({@code user_counters},
 * {@code _id} = user id) and changed with one conditional {@code $inc}: taking a slot matches only while the count
 * is below the cap, so concurrent creations can never pass it, and no count query scans a collection (the embedded
 * MongoDB has no secondary indexes). Counting began with these counters: items created before are not counted.
 */
@Component
@EnableConfigurationProperties(CapProperties.class)
public class Caps {

    static final String COLLECTION = "user_counters";

    /** What is counted per user. */
    public enum Counted {
        PROJECTS("projects"), CONVERSATIONS("conversations");

        private final String field;

        Counted(String field) {
            this.field = field;
        }
    }

    private final MongoTemplate mongo;
    private final CapProperties properties;

    Caps(MongoTemplate mongo, CapProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** @throws ApiProblem 409 {@code limit-reached} when the user has as many as the cap allows */
    public void take(String userId, Counted what) {
        long max = max(what);
        Query below = Query.query(Criteria.where("_id").is(userId).orOperator(
                Criteria.where(what.field).exists(false), Criteria.where(what.field).lt(max)));
        try {
            // no document yet: the upsert creates it; a document at the cap: the upsert's insert collides
            mongo.upsert(below, new Update().inc(what.field, 1), COLLECTION);
        } catch (DuplicateKeyException atTheCap) {
            throw reached(what.field, max);
        }
    }

    /** Gives a slot back (the item was deleted, or its creation failed). */
    public void give(String userId, Counted what) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and(what.field).gt(0)),
                new Update().inc(what.field, -1), COLLECTION);
    }

    /** Counts an item that comes back (an admin's restore) even above the cap. */
    public void force(String userId, Counted what) {
        mongo.upsert(Query.query(Criteria.where("_id").is(userId)), new Update().inc(what.field, 1), COLLECTION);
    }

    /** The problem every cap answers with: 409, naming what and how many. */
    public static ApiProblem reached(String what, long max) {
        return new ApiProblem(ProblemKind.LIMIT_REACHED, "You have reached the limit of " + max + " " + what
                + "; delete some first").with("limit", max).with("resource", what);
    }

    long count(String userId, Counted what) {
        Document counters = mongo.findById(userId, Document.class, COLLECTION);
        return counters == null || counters.get(what.field) == null ? 0
                : ((Number) counters.get(what.field)).longValue();
    }

    private long max(Counted what) {
        return switch (what) {
            case PROJECTS -> properties.maxProjects();
            case CONVERSATIONS -> properties.maxConversations();
        };
    }
}
