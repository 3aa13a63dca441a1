package dev.parley.ingress.config;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * The web app (static files under {@code /app/}, its page at {@code /}) runs under a strict Content-Security-Policy:
 * scripts, styles, images and connections from this origin only, no inline script or style, no plugins, no
 * framing. Rendered Markdown is sanitised as well, but the policy is what keeps an injected script from running.
 */
final class WebAppHeaders {

    static final String[] PATHS = {"/", "/index.html", "/app/**"};

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'; object-src 'none'";

    private WebAppHeaders() {
    }

    static HeaderWriter contentSecurityPolicy() {
        RequestMatcher[] matchers = new RequestMatcher[PATHS.length];
        for (int i = 0; i < PATHS.length; i++) {
            matchers[i] = pathPattern(PATHS[i]);
        }
        return new DelegatingRequestMatcherHeaderWriter(new OrRequestMatcher(matchers),
                new StaticHeadersWriter("Content-Security-Policy", POLICY));
    }
}
