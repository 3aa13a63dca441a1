package dev.parley.ingress.auth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;

/**
 * Forged and stale access tokens, each wrong in exactly one way, against the real security chain and JWT codec:
 * every one is a 401 problem and reaches no controller.
 */
@ControllerTest(AuthController.class)
class JwtAttacksTest {

    static final String SECRET = TestTokens.SECRET;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuthService auth;

    @MockitoBean
    ProfileService profiles;

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void aForgedOrStaleTokenIsUnauthorized(String attack, String token) throws Exception {
        mvc.perform(get("/api/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
        org.mockito.Mockito.verifyNoInteractions(profiles);
    }

    static List<Object[]> attacks() throws Exception {
        return List.of(
                new Object[] {"alg none", unsigned(claims("u1").build())},
                new Object[] {"RS256 instead of HS256", rs256(claims("u1").build())},
                new Object[] {"HS512 with the right secret", hs(JWSAlgorithm.HS512, SECRET + SECRET, claims("u1").build())},
                new Object[] {"HS256 with the RSA public key as secret (key confusion)", confusion(claims("u1").build())},
                new Object[] {"expired", hs(JWSAlgorithm.HS256, SECRET, claims("u1")
                        .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))).build())},
                new Object[] {"no expiry", hs(JWSAlgorithm.HS256, SECRET, claims("u1").expirationTime(null).build())},
                new Object[] {"wrong issuer", hs(JWSAlgorithm.HS256, SECRET, claims("u1").issuer("mallory").build())},
                new Object[] {"wrong audience", hs(JWSAlgorithm.HS256, SECRET, claims("u1").audience("other").build())},
                new Object[] {"wrong key", hs(JWSAlgorithm.HS256, "another-secret-that-is-long-enough-for-hs256",
                        claims("u1").build())},
                new Object[] {"payload tampered after signing", tampered()},
                new Object[] {"signature stripped", stripped()},
                new Object[] {"not a token at all", "garbage"});
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer("parley").audience("parley-api")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("roles", List.of("USER", "ADMIN"));
    }

    private static String hs(JWSAlgorithm algorithm, String secret, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
        jwt.sign(new MACSigner(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")
                .getEncoded()));
        return jwt.serialize();
    }

    private static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String rs256(JWTClaimsSet claims) throws Exception {
        var pair = rsaKeys();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) pair.getPrivate()));
        return jwt.serialize();
    }

    /** The classic confusion: an RS verifier's public key misused as an HMAC secret. */
    private static String confusion(JWTClaimsSet claims) throws Exception {
        RSAPublicKey publicKey = (RSAPublicKey) rsaKeys().getPublic();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(publicKey.getEncoded()));
        return jwt.serialize();
    }

    /** A valid token of u1 whose payload now names u2, with u1's signature. */
    private static String tampered() throws Exception {
        String[] valid = hs(JWSAlgorithm.HS256, SECRET, claims("u1").build()).split("\\.");
        String otherPayload = hs(JWSAlgorithm.HS256, SECRET, claims("u2").build()).split("\\.")[1];
        return valid[0] + "." + otherPayload + "." + valid[2];
    }

    private static String stripped() throws Exception {
        String[] valid = hs(JWSAlgorithm.HS256, SECRET, claims("u1").build()).split("\\.");
        return valid[0] + "." + valid[1] + ".";
    }

    private static java.security.KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
