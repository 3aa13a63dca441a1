package dev.parley.ingress.sso;

import org.springframework.security.oauth2.jwt.JwtDecoder;

/** An outside issuer's settings and the decoder that verifies its tokens. */
record TrustedIssuer(IssuerProperties settings, JwtDecoder decoder) {
}
