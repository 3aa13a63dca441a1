package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.events.ChatRequested;
import dev.parley.events.ChatRole;
import dev.parley.events.FinishReason;
import tools.jackson.databind.JsonNode;

/** Projects with versioned prompts: the current system prompt version leads every message's context. */
class ProjectIT extends IngressIntegrationTest {

    @Test
    void conversationInAProjectRunsWithTheCurrentSystemPromptVersion() {
        User ada = signUp("ada");
        String project = create(ada, "/api/projects", Map.of("name", "Pirate", "description", "Arr"));
        String prompts = "/api/projects/" + project + "/prompts";
        String prompt = create(ada, prompts, Map.of("name", "voice", "content", "Speak like a pirate."));
        String promptPath = prompts + "/" + prompt;
        assertThat(api.patch(promptPath, ada.bearer(), ApiClient.json(Map.of("content", "Speak like a parrot.")))
                .body().get("currentVersion").asInt()).isEqualTo(2);
        JsonNode third = api.patch(promptPath, ada.bearer(),
                ApiClient.json(Map.of("content", "Speak like a captain.", "name", "captain"))).body();
        assertThat(third.get("currentVersion").asInt()).isEqualTo(3);
        assertThat(third.get("name").asText()).isEqualTo("captain");
        JsonNode versions = api.get(promptPath + "/versions", ada.bearer()).body();
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).get("content").asText()).isEqualTo("Speak like a pirate.");
        assertThat(api.get(promptPath + "/versions/2", ada.bearer()).body().get("content").asText())
                .isEqualTo("Speak like a parrot.");
        assertNotFound(api.get(promptPath + "/versions/4", ada.bearer()));
        ApiClient.Response chosen = api.put("/api/projects/" + project + "/system-prompt", ada.bearer(),
                ApiClient.json(Map.of("promptId", prompt)));
        assertThat(chosen.body().get("systemPromptId").asText()).isEqualTo(prompt);

        ApiClient.Response created = api.post("/api/conversations", ada.bearer(),
                ApiClient.json(Map.of("title", "Ahoy", "projectId", project)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String conversation = created.body().get("id").asText();
        createConversation(ada, "Elsewhere");
        JsonNode listed = api.get("/api/conversations?projectId=" + project, ada.bearer()).body();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("projectId").asText()).isEqualTo(project);

        JsonNode accepted = postMessage(ada, conversation, Map.of("content", "Hello"));
        ChatRequested request = awaitChatRequested(accepted.get("requestId").asText());
        assertThat(request.getMessages().getFirst().getRole()).isEqualTo(ChatRole.SYSTEM);
        assertThat(request.getMessages().getFirst().getContent()).isEqualTo("Speak like a captain.");
        assertThat(request.getMessages().getLast().getContent()).isEqualTo("Hello");
        worker(request).completed(0, "Aye", FinishReason.STOP);
        JsonNode answer = awaitAnswer(ada, conversation, accepted.get("messageId").asText(), "COMPLETED");
        assertThat(answer.get("promptId").asText()).isEqualTo(prompt);
        assertThat(answer.get("promptVersion").asInt()).isEqualTo(3);
    }

    @Test
    void anotherUsersProjectPromptsAndVersionsAreNotFound() {
        User owner = signUp("owner");
        User eve = signUp("eve");
        String project = create(owner, "/api/projects", Map.of("name", "Secret"));
        String prompts = "/api/projects/" + project + "/prompts";
        String prompt = create(owner, prompts, Map.of("name", "p", "content", "Keep it quiet."));

        assertNotFound(api.get("/api/projects/" + project, eve.bearer()));
        assertNotFound(api.patch("/api/projects/" + project, eve.bearer(), ApiClient.json(Map.of("name", "Mine"))));
        assertNotFound(api.delete("/api/projects/" + project, eve.bearer()));
        assertNotFound(api.get(prompts, eve.bearer()));
        assertNotFound(api.get(prompts + "/" + prompt, eve.bearer()));
        assertNotFound(api.get(prompts + "/" + prompt + "/versions", eve.bearer()));
        assertNotFound(api.get(prompts + "/" + prompt + "/versions/1", eve.bearer()));
        assertNotFound(api.patch(prompts + "/" + prompt, eve.bearer(), ApiClient.json(Map.of("content", "Mine"))));
        assertNotFound(api.put("/api/projects/" + project + "/system-prompt", eve.bearer(),
                ApiClient.json(Map.of("promptId", prompt))));
        assertNotFound(api.post("/api/conversations", eve.bearer(), ApiClient.json(Map.of("projectId", project))));
        assertNotFound(api.get("/api/conversations?projectId=" + project, eve.bearer()));
        assertThat(api.get("/api/projects", eve.bearer()).body().get("total").asLong()).isZero();
        assertThat(api.get(prompts + "/" + prompt + "/versions/1", owner.bearer()).body().get("content").asText())
                .isEqualTo("Keep it quiet.");
    }

    private String create(User user, String path, Map<String, Object> body) {
        ApiClient.Response created = api.post(path, user.bearer(), ApiClient.json(body));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asText();
    }
}
