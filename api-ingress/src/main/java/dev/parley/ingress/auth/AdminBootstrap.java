package dev.parley.ingress.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.parley.ingress.limit.LoginThrottle;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import dev.parley.platform.crypto.Sha256;

/**
 * Makes the first admin: a signed-in user who presents the operator's bootstrap token ({@code PARLEY_ADMIN_TOKEN})
 * gets the admin role. Each token works once: its redemption is a document keyed by the token's hash, inserted
 * once (a restart or another instance finds it), so a second user presenting the same token is refused, while the
 * user who redeemed it may repeat the call (a retry after a lost answer). An operator who needs a new first admin
 * sets a new token. Guesses count against the sign-in throttle of the user and address.
 */
@Service
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String COLLECTION = "admin_bootstrap";

    private final MongoTemplate mongo;
    private final UserWrites users;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final String tokenHash;

    AdminBootstrap(MongoTemplate mongo, UserWrites users, LoginThrottle throttle, SecurityProperties properties,
            Clock clock, Environment environment) {
        this.mongo = mongo;
        this.users = users;
        this.throttle = throttle;
        this.clock = clock;
        String token = properties.adminToken();
        this.tokenHash = token == null || token.isBlank() ? null : OpaqueTokens.hash(token);
        String adminEmails = environment.getProperty("PARLEY_ADMIN_EMAILS");
        if (adminEmails != null && !adminEmails.isBlank()) {
            // an unverified email is a claim anyone can make by registering it first
            log.warn("PARLEY_ADMIN_EMAILS is no longer honoured: make the first admin with PARLEY_ADMIN_TOKEN and "
                    + "POST /api/admin/bootstrap, then grant roles with PATCH /api/admin/users/<id>");
        }
    }

    /** Redemption of one token: who and when. */
    record Redemption(String id, String userId, Instant redeemedAt) {
    }

    /**
     * Whether the code is the bootstrap token and nobody redeemed it yet: it then admits one registration whatever
     * the registration mode, so that a closed deployment can make its first admin.
     */
    boolean admitsRegistration(String code) {
        return tokenHash != null && code != null && isTheToken(code)
                && mongo.findOne(Query.query(Criteria.where("_id").is(tokenHash)), Redemption.class, COLLECTION) == null;
    }

    /** Compares hashes in constant time, so that guesses learn nothing from the time a refusal takes. */
    private boolean isTheToken(String presented) {
        return Sha256.equal(tokenHash.getBytes(StandardCharsets.UTF_8),
                OpaqueTokens.hash(presented).getBytes(StandardCharsets.UTF_8));
    }

    MeResponse redeem(String userId, String token, String clientAddress) {
        if (tokenHash == null) {
            throw new ApiProblem(ProblemKind.FORBIDDEN, "Admin bootstrap is not configured (PARLEY_ADMIN_TOKEN)");
        }
        throttle.attempt("bootstrap:" + userId, clientAddress);
        if (!isTheToken(token)) {
            throw new ApiProblem(ProblemKind.FORBIDDEN, "The bootstrap token is not valid");
        }
        throttle.succeeded("bootstrap:" + userId, clientAddress);
        try {
            mongo.insert(new Redemption(tokenHash, userId, clock.instant()), COLLECTION);
        } catch (DuplicateKeyException used) {
            Redemption earlier = mongo.findOne(Query.query(Criteria.where("_id").is(tokenHash)), Redemption.class,
                    COLLECTION);
            if (earlier == null || !earlier.userId().equals(userId)) {
                throw ApiProblem.conflict("The bootstrap token was already used; set a new PARLEY_ADMIN_TOKEN to "
                        + "make another first admin");
            }
        }
        UserDocument admin = users.addRole(userId, UserDocument.ROLE_ADMIN)
                .orElseThrow(() -> ApiProblem.unauthorized("The account of this token no longer exists"));
        log.warn("User {} redeemed the admin bootstrap token and is now an admin", userId);
        return MeResponse.of(admin);
    }
}
