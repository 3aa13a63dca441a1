package dev.parley.ingress.config;

import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's mapping of requests to controller methods, with the path compared first. A path with a variable in it
 * (a conversation's messages, an answer's stream) has no direct entry, so Spring MVC tries every mapping of the
 * service, over a hundred, on each dispatch of such a request (the first and the asynchronous one): for each it reads
 * the method through the security chain's request wrappers, then the content type and accepted types, and compares
 * the path last. That was about 5 % of api-ingress's CPU in a profile of the bench's peak load. A mapping matches only
 * when all of its conditions do and reading them changes nothing, so passing over the mappings whose path differs
 * before reading the rest picks the same method.
 * <p>
 * Matching a path pattern still cost about 5 % at peak, almost all of it on patterns that differ in their first
 * literal characters. So each pattern's literal start (up to its first variable or wildcard) is kept, and a path that
 * does not start with any of a mapping's is passed over without matching. Only for a path with neither an escape
 * ({@code %}) nor a path parameter ({@code ;}): patterns match decoded segments without parameters, which then equal
 * the path's characters.
 */
final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** Literal starts by path condition, by identity: replaced whole on each registration (at startup). */
    private volatile Map<PathPatternsRequestCondition, String[]> literalStarts = new IdentityHashMap<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        PathPatternsRequestCondition paths = mapping.getPathPatternsCondition();
        // a literal start is compared as it is written: not for a parser that ignores case
        if (paths != null && getPatternParser() != null && getPatternParser().isCaseSensitive()) {
            Map<PathPatternsRequestCondition, String[]> next = new IdentityHashMap<>(literalStarts);
            next.put(paths, paths.getPatterns().stream().map(PathFirstHandlerMapping::literalStart)
                    .toArray(String[]::new));
            literalStarts = next;
        }
    }

    /** The path of the lookup running on this thread when literal starts can decide for it, else {@code null}. */
    private static final ThreadLocal<String> COMPARABLE_PATH = new ThreadLocal<>();

    /** Reads the request's path once per lookup, not once for each of the hundred mappings it is compared with. */
    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        COMPARABLE_PATH.set(comparablePath(request));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            COMPARABLE_PATH.remove();
        }
    }

    private static String comparablePath(HttpServletRequest request) {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return null;
        }
        String path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
        return path.indexOf('%') >= 0 || path.indexOf(';') >= 0 ? null : path;
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths != null && (startsWithNone(paths) || paths.getMatchingCondition(request) == null)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private boolean startsWithNone(PathPatternsRequestCondition paths) {
        String path = COMPARABLE_PATH.get();
        String[] starts = literalStarts.get(paths);
        if (path == null || starts == null) {
            return false;
        }
        for (String start : starts) {
            if (path.startsWith(start)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The pattern up to its first variable or wildcard, without the separator before it: what every path it matches
     * starts with ({@code /files/{*rest}} and {@code /files/**} match {@code /files} too).
     */
    static String literalStart(PathPattern pattern) {
        String text = pattern.getPatternString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '\\') {
                return text.substring(0, i > 1 && text.charAt(i - 1) == '/' ? i - 1 : i);
            }
        }
        return text;
    }
}
