package dev.parley.ingress.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import dev.parley.platform.problem.ApiProblem;

/**
 * One-time, expiring links that set a user's password: how a user an outside system created (who has no password)
 * comes to sign in on its own, and how an admin hands an account over. Redeeming is one conditional update of the
 * link (used at most once, before it expires), then the password, then a signed-in session; the user's other
 * sessions end, as after any password reset.
 */
@Service
public class PasswordLinks {

    static final String COLLECTION = "password_links";
    private static final Logger log = LoggerFactory.getLogger(PasswordLinks.class);

    /** A link just made: its token is shown once and never stored. */
    public record Issued(String userId, String email, String token, String url, Instant expiresAt) {

        @Override
        public String toString() {
            return "Issued[userId=" + userId + ", email=" + email + ", token=<hidden>, expiresAt=" + expiresAt + "]";
        }
    }

    private final MongoTemplate mongo;
    private final UserRepository users;
    private final UserWrites writes;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final RefreshTokenStore refreshTokens;
    private final Clock clock;
    private final Duration ttl;
    private final String publicUrl;
    private final OpaqueTokens random = new OpaqueTokens();

    /**
     * @param ttl how long a link stays valid ({@code parley.password-links.ttl}, 72h)
     * @param publicUrl where users reach the web app ({@code PARLEY_PUBLIC_URL}); blank: as the caller reached Parley
     */
    PasswordLinks(MongoTemplate mongo, UserRepository users, UserWrites writes, PasswordEncoder passwords,
            TokenIssuer tokens, RefreshTokenStore refreshTokens, Clock clock,
            @Value("${parley.password-links.ttl:72h}") Duration ttl, @Value("${parley.public-url:}") String publicUrl) {
        this.ttl = ttl;
        this.publicUrl = publicUrl;
        this.mongo = mongo;
        this.users = users;
        this.writes = writes;
        this.passwords = passwords;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /**
     * @param email the address to sign in with, for a user that has none yet (else it must be the user's own)
     * @param issuedBy who asked, for the log and the stored link
     * @throws ApiProblem 404 for no active user, 409 when the user has no email and none is given, or the email is
     *         another account's or differs from the user's
     */
    public Issued issue(String userId, String email, String issuedBy) {
        UserDocument user = users.findById(userId).filter(UserDocument::active)
                .orElseThrow(() -> ApiProblem.notFound("User " + userId + " not found"));
        String address = signInAddress(user, email);
        String token = random.generate();
        Instant now = clock.instant();
        mongo.insert(new PasswordLinkDocument(OpaqueTokens.hash(token), userId, issuedBy, now, now.plus(ttl), null));
        log.info("Set-password link for user {} issued by {}, valid until {}", userId, issuedBy, now.plus(ttl));
        return new Issued(userId, address, token, url(token), now.plus(ttl));
    }

    /** The web app's page for the link; the token rides in the fragment, which no server or proxy logs. */
    private String url(String token) {
        var base = publicUrl == null || publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath()
                : UriComponentsBuilder.fromUriString(publicUrl);
        return base.replacePath("/").replaceQuery(null).fragment("/set-password/" + token).build().toUriString();
    }

    /** Sets the password the link allows, once, and signs the user in. */
    TokenResponse redeem(String token, String password) {
        Instant now = clock.instant();
        Query unused = Query.query(Criteria.where("_id").is(OpaqueTokens.hash(token)).and("usedAt").is(null)
                .and("expiresAt").gt(now));
        PasswordLinkDocument link = mongo.findAndModify(unused, Update.update("usedAt", now),
                FindAndModifyOptions.options().returnNew(true), PasswordLinkDocument.class);
        if (link == null) {
            throw ApiProblem.unauthorized("The link is unknown, used or expired; ask for a new one");
        }
        UserDocument user = writes.updateActive(link.userId(), Update.update("passwordHash", passwords.encode(password)))
                .orElseThrow(() -> ApiProblem.unauthorized("The link is unknown, used or expired; ask for a new one"));
        refreshTokens.revokeAll(user.id());
        log.info("User {} set a password with a link", user.id());
        return tokens.issue(user);
    }

    private String signInAddress(UserDocument user, String email) {
        String given = email == null || email.isBlank() ? null : Emails.normalize(email);
        if (user.email() != null) {
            if (given != null && !given.equals(user.email())) {
                throw ApiProblem.conflict("The user signs in with another email");
            }
            return user.email();
        }
        if (given == null) {
            throw ApiProblem.conflict("The user has no email to sign in with: give one");
        }
        try {
            return writes.updateLive(user.id(), Update.update("email", given)).map(UserDocument::email)
                    .orElseThrow(() -> ApiProblem.notFound("User " + user.id() + " not found"));
        } catch (DuplicateKeyException taken) {
            throw ApiProblem.conflict("An account with this email already exists");
        }
    }
}
