package dev.parley.ingress.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Invitation codes of invite-only registration: random, shown once, stored as their SHA-256 (the document's id, so
 * that every lookup is keyed), single use. Using one is one conditional update; a registration that fails after it
 * gives the code back.
 */
@Component
class Invitations {

    /**
     * @param email the only address that may use it; null: any
     * @param startingBalance credits of the account it creates; null: the configured invite balance
     */
    @Document("invitations")
    record Invitation(@Id String id, String email, Long startingBalance, String createdBy, Instant createdAt,
            Instant expiresAt, Instant usedAt, String usedBy) {
    }

    /** A new invitation and its only plain-text copy. */
    record Created(String code, Invitation invitation) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final OpaqueTokens tokens = new OpaqueTokens();

    Invitations(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Created create(String adminId, String email, Long startingBalance, Duration validFor) {
        String code = "inv_" + tokens.generate();
        Instant now = clock.instant();
        var invitation = new Invitation(OpaqueTokens.hash(code), email == null ? null : Emails.normalize(email),
                startingBalance, adminId, now, now.plus(validFor), null, null);
        return new Created(code, mongo.insert(invitation));
    }

    /** Marks the code used by this email if it is live and meant for it. */
    Optional<Invitation> use(String code, String email) {
        Instant now = clock.instant();
        Query live = Query.query(Criteria.where("_id").is(OpaqueTokens.hash(code)).and("usedAt").is(null)
                .and("expiresAt").gt(now).orOperator(Criteria.where("email").is(null), Criteria.where("email").is(email)));
        return Optional.ofNullable(mongo.findAndModify(live, new Update().set("usedAt", now).set("usedBy", email),
                FindAndModifyOptions.options().returnNew(true), Invitation.class));
    }

    /** Gives a code back after the registration it was used for failed. */
    void release(Invitation invitation) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(invitation.id())),
                new Update().unset("usedAt").unset("usedBy"), Invitation.class);
    }
}
