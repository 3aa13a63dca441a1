package dev.parley.ingress.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The path-first mapping picks what Spring MVC's own picks, for every request of a set that exercises each kind of
 * condition (method, path variables, consumes, produces, params, headers, CORS preflight, HEAD, OPTIONS) and each kind
 * of refusal (404, 405, 406, 415, 400).
 */
class PathFirstHandlerMappingTest {

    final RequestMappingHandlerMapping spring = mapping(new RequestMappingHandlerMapping());
    final RequestMappingHandlerMapping pathFirst = mapping(new PathFirstHandlerMapping());

    @Test
    void picksWhatSpringMvcPicks() {
        List<MockHttpServletRequest> requests = requests();

        for (MockHttpServletRequest request : requests) {
            String expected = resolve(spring, request);
            assertThat(resolve(pathFirst, copy(request))).as("%s %s", request.getMethod(), request.getRequestURI())
                    .isEqualTo(expected);
        }
    }

    @Test
    void theSetCoversMatchesAndEachRefusal() {
        List<String> outcomes = requests().stream().map(request -> resolve(pathFirst, request)).toList();

        assertThat(outcomes).contains("stream", "post", "list", "get", "full", "raw", "delete", "exportJson",
                "exportMarkdown", "complete", "file", "text", "any", "echo", "PreFlightHttpRequestHandler", "none",
                "HttpRequestMethodNotSupportedException", "HttpMediaTypeNotSupportedException",
                "HttpMediaTypeNotAcceptableException");
    }

    private static List<MockHttpServletRequest> requests() {
        List<MockHttpServletRequest> requests = new ArrayList<>();
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH")) {
            for (String path : List.of("/api/conversations/c1/messages/m1/stream", "/api/conversations/c1/messages",
                    "/api/conversations/c1", "/api/conversations/c%201", "/api/conversations/c1/export",
                    "/api/conversations/c1/unknown", "/v1/chat/completions", "/api/files/a/b/c", "/api/echo",
                    "/nothing", "/api/conversations/", "/api/conversations/c1/messages/",
                    // what a literal start must not decide: escapes, path parameters, case, near misses
                    "/api/%63onversations/c1/messages", "/api/conversations;v=1/c1/messages", "/API/conversations/c1",
                    "/v1/chat/completions;x=1", "/v1/chat/completionsX", "/v1/chat", "/api/filesystem",
                    "/api/files", "/api/files/", "//api/conversations/c1", "/api/echo/", "/api/static/a.txt",
                    "/api/static/.txt", "/api/static", "/api/any", "/api/any/x/y", "/api/anything")) {
                requests.add(request(method, path, request -> { }));
                requests.add(request(method, path, request -> request.setContentType(MediaType.APPLICATION_JSON_VALUE)));
                requests.add(request(method, path, request -> request.setContentType(MediaType.TEXT_PLAIN_VALUE)));
                requests.add(request(method, path, request -> request.addHeader(HttpHeaders.ACCEPT, "text/markdown")));
                requests.add(request(method, path, request -> request.addHeader(HttpHeaders.ACCEPT, "image/png")));
                requests.add(request(method, path, request -> request.addParameter("full", "true")));
                requests.add(request(method, path, request -> request.addHeader("X-Mode", "raw")));
            }
        }
        for (String path : List.of("/api/conversations/c1/messages", "/v1/chat/completions", "/api/files/x")) {
            requests.add(request("OPTIONS", path, request -> {
                request.addHeader(HttpHeaders.ORIGIN, "https://app.example");
                request.addHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST");
            }));
        }
        return requests;
    }

    private static MockHttpServletRequest request(String method, String path,
            Consumer<MockHttpServletRequest> details) {
        var request = new MockHttpServletRequest(method, path);
        details.accept(request);
        return request;
    }

    private static MockHttpServletRequest copy(MockHttpServletRequest original) {
        var request = new MockHttpServletRequest(original.getMethod(), original.getRequestURI());
        request.setContentType(original.getContentType());
        for (String name : java.util.Collections.list(original.getHeaderNames())) {
            for (String value : java.util.Collections.list(original.getHeaders(name))) {
                request.addHeader(name, value);
            }
        }
        request.setParameters(original.getParameterMap());
        return request;
    }

    private static String resolve(RequestMappingHandlerMapping mapping, MockHttpServletRequest request) {
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            return chain.getHandler() instanceof HandlerMethod method ? method.getMethod().getName()
                    : chain.getHandler().getClass().getSimpleName();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static RequestMappingHandlerMapping mapping(RequestMappingHandlerMapping mapping) {
        var context = new StaticWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.registerSingleton("routes", Routes.class);
        context.refresh();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    @RestController
    @CrossOrigin("https://app.example")
    static class Routes {

        @GetMapping("/api/conversations/{conversationId}/messages/{messageId}/stream")
        String stream() {
            return "";
        }

        @PostMapping(path = "/api/conversations/{conversationId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
        String post() {
            return "";
        }

        @GetMapping("/api/conversations/{conversationId}/messages")
        String list() {
            return "";
        }

        @GetMapping("/api/conversations/{conversationId}")
        String get() {
            return "";
        }

        @GetMapping(path = "/api/conversations/{conversationId}", params = "full")
        String full() {
            return "";
        }

        @GetMapping(path = "/api/conversations/{conversationId}", headers = "X-Mode=raw")
        String raw() {
            return "";
        }

        @DeleteMapping("/api/conversations/{conversationId}")
        String delete() {
            return "";
        }

        @GetMapping(path = "/api/conversations/{conversationId}/export", produces = MediaType.APPLICATION_JSON_VALUE)
        String exportJson() {
            return "";
        }

        @GetMapping(path = "/api/conversations/{conversationId}/export", produces = "text/markdown")
        String exportMarkdown() {
            return "";
        }

        @PostMapping(path = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
        String complete() {
            return "";
        }

        @GetMapping("/api/files/{*rest}")
        String file() {
            return "";
        }

        @GetMapping("/api/static/*.txt")
        String text() {
            return "";
        }

        @GetMapping("/api/any/**")
        String any() {
            return "";
        }

        @RequestMapping("/api/echo")
        String echo() {
            return "";
        }
    }
}
