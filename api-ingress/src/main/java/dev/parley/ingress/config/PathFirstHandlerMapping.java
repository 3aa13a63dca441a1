package dev.parley.ingress.config;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's mapping of requests to controller methods, with the path compared first. A path with a variable in it
 * (a conversation's messages, an answer's stream) has no direct entry, so Spring MVC tries every mapping of the
 * service, over a hundred, on each dispatch of such a request (the first and the asynchronous one): for each it reads
 * the method through the security chain's request wrappers, then the content type and accepted types, and compares
 * the path last. That was about 5 % of api-ingress's CPU in a profile of the bench's peak load. A mapping matches only
 * when all of its conditions do and reading them changes nothing, so passing over the mappings whose path differs
 * before reading the rest picks the same method.
 */
final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths != null && paths.getMatchingCondition(request) == null) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }
}
