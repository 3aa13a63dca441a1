package dev.parley.ingress;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import dev.parley.events.ChatRequested;

/**
 * Invariant 1 for every endpoint that takes an id: another user's id answers 404, exactly like a missing one. The
 * endpoints are enumerated from the application's own mappings: one added without a case here fails this test.
 */
class ForeignIdsIT extends IngressIntegrationTest {

    /**
     * Paths whose variables are not another user's ids: administrators' and outside systems' endpoints take ids of
     * anyone by design (and are closed to users), and a provider name in /api/me/provider-keys names a slot of the
     * caller's own keys.
     */
    static final Set<String> NOT_USER_IDS = Set.of("/api/admin/", "/api/providers", "/api/integrations/",
            "/api/me/provider-keys/");

    /** Every user endpoint that takes an id, with a body that is valid apart from the id. */
    static final Map<String, String> CASES = new LinkedHashMap<>();
    /** The body of a case that uploads a file (multipart) rather than sending JSON. */
    static final String A_FILE = "<a file>";

    static {
        CASES.put("GET /api/conversations/{id}", null);
        CASES.put("PATCH /api/conversations/{id}", "{\"title\":\"mine now\"}");
        CASES.put("DELETE /api/conversations/{id}", null);
        CASES.put("GET /api/conversations/{conversationId}/messages", null);
        CASES.put("POST /api/conversations/{conversationId}/messages", "{\"content\":\"hello\"}");
        CASES.put("GET /api/conversations/{conversationId}/messages/{messageId}", null);
        CASES.put("POST /api/conversations/{conversationId}/messages/{messageId}/cancel", null);
        CASES.put("POST /api/conversations/{conversationId}/messages/{messageId}/regenerate", "{}");
        CASES.put("POST /api/conversations/{conversationId}/messages/{messageId}/edit", "{\"content\":\"edited\"}");
        CASES.put("POST /api/conversations/{conversationId}/messages/{messageId}/flag", "{\"reason\":\"spam\"}");
        CASES.put("GET /api/conversations/{conversationId}/messages/{messageId}/stream", null);
        CASES.put("POST /api/conversations/{conversationId}/branches/{leafMessageId}/activate", null);
        CASES.put("GET /api/projects/{id}", null);
        CASES.put("PATCH /api/projects/{id}", "{\"name\":\"mine now\"}");
        CASES.put("DELETE /api/projects/{id}", null);
        CASES.put("PUT /api/projects/{id}/system-prompt", "{\"promptId\":\"PROMPT\"}");
        CASES.put("GET /api/projects/{projectId}/prompts", null);
        CASES.put("POST /api/projects/{projectId}/prompts", "{\"name\":\"n\",\"content\":\"c\"}");
        CASES.put("GET /api/projects/{projectId}/prompts/{promptId}", null);
        CASES.put("PATCH /api/projects/{projectId}/prompts/{promptId}", "{\"content\":\"mine now\"}");
        CASES.put("DELETE /api/projects/{projectId}/prompts/{promptId}", null);
        CASES.put("GET /api/projects/{projectId}/prompts/{promptId}/versions", null);
        CASES.put("GET /api/projects/{projectId}/prompts/{promptId}/versions/{version}", null);
        CASES.put("DELETE /api/keys/{id}", null);
        CASES.put("GET /api/conversations/{conversationId}/attachments", null);
        CASES.put("POST /api/conversations/{conversationId}/attachments", A_FILE);
        CASES.put("GET /api/conversations/{conversationId}/attachments/{attachmentId}", null);
        CASES.put("GET /api/conversations/{conversationId}/attachments/{attachmentId}/content", null);
        CASES.put("DELETE /api/conversations/{conversationId}/attachments/{attachmentId}", null);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointThatTakesAnIdHasAForeignIdCase() {
        Set<String> idEndpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString();
                if (path.contains("{") && NOT_USER_IDS.stream().noneMatch(path::startsWith)
                        && !path.startsWith("${") && !path.contains("/error")) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        idEndpoints.add(method + " " + path);
                    }
                }
            }
        });

        assertThat(idEndpoints).as("id-taking endpoints; add a case to CASES for a new one")
                .isEqualTo(new TreeSet<>(CASES.keySet()));
    }

    @Test
    void anotherUsersIdsAnswer404OnEveryEndpoint() throws Exception {
        User owner = signUp("owner");
        User intruder = signUp("intruder");
        Map<String, String> ids = ownedIds(owner);

        for (var endpoint : CASES.entrySet()) {
            String[] methodAndPath = endpoint.getKey().split(" ", 2);
            String path = fill(methodAndPath[1], ids);
            String body = endpoint.getValue() == null ? null : endpoint.getValue().replace("PROMPT", ids.get("promptId"));
            ApiClient.Response answer = A_FILE.equals(body)
                    ? api.upload(path, intruder.bearer(), "mine.txt", "text/plain", "mine".getBytes(UTF_8))
                    : send(methodAndPath[0], path, intruder.bearer(), body);

            assertThat(answer.status()).as(endpoint.getKey() + " -> " + answer.text()).isEqualTo(404);
            assertThat(answer.text()).as(endpoint.getKey()).contains("urn:parley:problem:not-found");
        }
        // and nothing of the owner's changed: the conversation is still theirs, titled as before
        assertThat(api.get("/api/conversations/" + ids.get("conversationId"), owner.bearer()).body()
                .get("title").asText()).isEqualTo("private");
    }

    private Map<String, String> ownedIds(User owner) {
        Map<String, String> ids = new LinkedHashMap<>();
        String conversation = createConversation(owner, "private");
        var accepted = postMessage(owner, conversation, Map.of("content", "secret question"));
        ChatRequested request = awaitChatRequested(accepted.get("requestId").asText());
        worker(request).completed(0, "secret answer", dev.parley.events.FinishReason.STOP);
        awaitAnswer(owner, conversation, accepted.get("messageId").asText(), "COMPLETED");
        String project = api.post("/api/projects", owner.bearer(), ApiClient.json(Map.of("name", "private")))
                .body().get("id").asText();
        String prompt = api.post("/api/projects/" + project + "/prompts", owner.bearer(),
                ApiClient.json(Map.of("name", "p", "content", "secret prompt"))).body().get("id").asText();
        ids.put("conversationId", conversation);
        ids.put("messageId", accepted.get("messageId").asText());
        ids.put("leafMessageId", accepted.get("userMessageId").asText());
        ids.put("projectId", project);
        ids.put("promptId", prompt);
        ids.put("version", "1");
        ids.put("attachmentId", api.upload("/api/conversations/" + conversation + "/attachments", owner.bearer(),
                "private.txt", "text/plain", "secret file".getBytes(UTF_8)).body().get("id").asText());
        ids.put("keyId", api.post("/api/keys", owner.bearer(), ApiClient.json(Map.of("name", "private"))).body()
                .get("id").asText());
        return ids;
    }

    /** {id} is the conversation's under /api/conversations, the project's under /api/projects, the key's under /api/keys. */
    private static String fill(String pattern, Map<String, String> ids) {
        String idOwner = pattern.startsWith("/api/conversations") ? "conversationId"
                : pattern.startsWith("/api/projects") ? "projectId" : "keyId";
        Matcher variables = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1).equals("id") ? idOwner : variables.group(1);
            variables.appendReplacement(path, Matcher.quoteReplacement(ids.get(name)));
        }
        return variables.appendTail(path).toString();
    }

    private ApiClient.Response send(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpResponse<String> answer = api.http().send(HttpRequest.newBuilder(api.uri(path))
                .header("Authorization", bearer).header("Content-Type", "application/json").method(method, publisher)
                .build(), HttpResponse.BodyHandlers.ofString());
        return new ApiClient.Response(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null),
                answer.body());
    }
}
