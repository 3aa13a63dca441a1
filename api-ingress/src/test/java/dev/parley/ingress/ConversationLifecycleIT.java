package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.ChatRole;
import dev.parley.events.FinishReason;
import tools.jackson.databind.JsonNode;

/** Settings, soft delete and restore, branches (regenerate, edit, activate), flags and polling. */
class ConversationLifecycleIT extends IngressIntegrationTest {

    String admin;

    @BeforeAll
    void signInTheAdmin() {
        // a token's roles claim decides nothing: the account must be an admin
        admin = admin().bearer();
    }

    @Test
    void patchChangesTitleAndTheDefaultsOfLaterMessages() {
        User pat = signUp("pat");
        String conversation = createConversation(pat, "Draft");

        ApiClient.Response patched = api.patch("/api/conversations/" + conversation, pat.bearer(),
                ApiClient.json(Map.of("title", "Final", "model", "mock-error", "temperature", 0.4)));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.body().get("title").asText()).isEqualTo("Final");
        assertThat(api.get("/api/conversations/" + conversation, pat.bearer()).body().get("model").asText())
                .isEqualTo("mock-error");
        ChatRequested request = awaitChatRequested(postMessage(pat, conversation, Map.of("content", "Hi"))
                .get("requestId").asText());
        assertThat(request.getModel()).isEqualTo("mock-error");
        assertThat(request.getParameters().getTemperature()).isEqualTo(0.4);

        ApiClient.Response unknown = api.patch("/api/conversations/" + conversation, pat.bearer(),
                ApiClient.json(Map.of("model", "no-such-model")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("type").asText()).isEqualTo("urn:parley:problem:model-unknown");
    }

    @Test
    void deletedConversationIsGoneFromEveryReadUntilAnAdminRestoresIt() {
        User dee = signUp("dee");
        String conversation = createConversation(dee, "Regrets");
        JsonNode accepted = postMessage(dee, conversation, Map.of("content", "Oops"));
        String message = messagesPath(conversation) + "/" + accepted.get("messageId").asText();

        assertThat(api.delete("/api/conversations/" + conversation, dee.bearer()).status()).isEqualTo(204);

        assertNotFound(api.get("/api/conversations/" + conversation, dee.bearer()));
        assertNotFound(api.get(messagesPath(conversation), dee.bearer()));
        assertNotFound(api.get(message, dee.bearer()));
        assertNotFound(api.post(messagesPath(conversation), dee.bearer(), ApiClient.json(Map.of("content", "Hi"))));
        assertNotFound(api.post(message + "/cancel", dee.bearer(), null));
        assertNotFound(api.delete("/api/conversations/" + conversation, dee.bearer()));
        SseClient stream = SseClient.open(api.http(), api.uri(message + "/stream"), dee.bearer(), null);
        await().until(() -> stream.ended);
        assertThat(stream.status).isEqualTo(404);
        assertThat(api.get("/api/conversations", dee.bearer()).body().get("total").asLong()).isZero();

        JsonNode deleted = api.get("/api/admin/conversations?deleted=true&userId=" + dee.id(), admin).body();
        assertThat(deleted.get("total").asLong()).isEqualTo(1);
        assertThat(deleted.at("/items/0/id").asText()).isEqualTo(conversation);
        assertThat(api.get("/api/admin/conversations", dee.bearer()).status()).isEqualTo(403);
        ApiClient.Response restored = api.post("/api/admin/conversations/" + conversation + "/restore", admin, null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.body().get("deleted").asBoolean()).isFalse();
        assertNotFound(api.post("/api/admin/conversations/" + conversation + "/restore", admin, null));

        assertThat(api.get("/api/conversations/" + conversation, dee.bearer()).status()).isEqualTo(200);
        assertThat(api.get(messagesPath(conversation), dee.bearer()).body().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void regenerateKeepsTheOldAnswerAndAsksTheSameQuestionAgain() {
        User reg = signUp("reg");
        String conversation = createConversation(reg, null);
        ChatRequested first = awaitChatRequested(postMessage(reg, conversation, Map.of("content", "Q1"))
                .get("requestId").asText());
        String regenerateFirst = messagesPath(conversation) + "/" + first.getMessageId() + "/regenerate";
        ApiClient.Response running = api.post(regenerateFirst, reg.bearer(), null);
        assertThat(running.status()).isEqualTo(409);
        worker(first).completed(0, "A1", FinishReason.STOP);
        awaitAnswer(reg, conversation, first.getMessageId(), "COMPLETED");
        ChatRequested second = awaitChatRequested(postMessage(reg, conversation, Map.of("content", "Q2"))
                .get("requestId").asText());
        worker(second).completed(0, "A2", FinishReason.STOP);
        awaitAnswer(reg, conversation, second.getMessageId(), "COMPLETED");

        assertThat(api.post(regenerateFirst, reg.bearer(), null).status()).isEqualTo(409);
        ApiClient.Response accepted = api.post(messagesPath(conversation) + "/" + second.getMessageId()
                + "/regenerate", reg.bearer(), ApiClient.json(Map.of("temperature", 1.5)));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        assertThat(accepted.body().get("streamUrl").asText()).endsWith("/stream");
        ChatRequested again = awaitChatRequested(accepted.body().get("requestId").asText());
        assertThat(again.getMessages()).containsExactly(new ChatMessage(ChatRole.USER, "Q1", List.of()),
                new ChatMessage(ChatRole.ASSISTANT, "A1", List.of()), new ChatMessage(ChatRole.USER, "Q2", List.of()));
        assertThat(again.getParameters().getTemperature()).isEqualTo(1.5);
        assertThat(again.getMessageId()).isNotEqualTo(second.getMessageId());

        assertThat(contents(api.get(messagesPath(conversation), reg.bearer()).body())).containsExactly("Q1", "A1",
                "Q2", "");
        JsonNode all = api.get(messagesPath(conversation) + "?branch=all", reg.bearer()).body();
        assertThat(contents(all)).containsExactly("Q1", "A1", "Q2", "A2", "");
        assertThat(all.at("/items/4/parentId").asText()).isEqualTo(all.at("/items/2/id").asText());
        assertThat(all.at("/items/3/parentId").asText()).isEqualTo(all.at("/items/2/id").asText());
    }

    @Test
    void editStartsABranchAndActivateSwitchesBack() {
        User ed = signUp("ed");
        String conversation = createConversation(ed, null);
        ChatRequested first = awaitChatRequested(postMessage(ed, conversation, Map.of("content", "Old question"))
                .get("requestId").asText());
        worker(first).completed(0, "Old answer", FinishReason.STOP);
        awaitAnswer(ed, conversation, first.getMessageId(), "COMPLETED");
        String questionId = api.get(messagesPath(conversation), ed.bearer()).body().at("/items/0/id").asText();

        ApiClient.Response accepted = api.post(messagesPath(conversation) + "/" + questionId + "/edit", ed.bearer(),
                ApiClient.json(Map.of("content", "New question")));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        ChatRequested edited = awaitChatRequested(accepted.body().get("requestId").asText());
        assertThat(edited.getMessages()).containsExactly(new ChatMessage(ChatRole.USER, "New question", List.of()));
        worker(edited).completed(0, "New answer", FinishReason.STOP);
        awaitAnswer(ed, conversation, edited.getMessageId(), "COMPLETED");
        assertThat(contents(api.get(messagesPath(conversation), ed.bearer()).body()))
                .containsExactly("New question", "New answer");

        ApiClient.Response activated = api.post("/api/conversations/" + conversation + "/branches/"
                + first.getMessageId() + "/activate", ed.bearer(), null);
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);
        assertThat(contents(api.get(messagesPath(conversation), ed.bearer()).body()))
                .containsExactly("Old question", "Old answer");
        assertThat(api.post("/api/conversations/" + conversation + "/branches/" + questionId + "/activate",
                ed.bearer(), null).status()).isEqualTo(409);
        ChatRequested next = awaitChatRequested(postMessage(ed, conversation, Map.of("content", "Follow-up"))
                .get("requestId").asText());
        assertThat(next.getMessages()).extracting(ChatMessage::getContent)
                .containsExactly("Old question", "Old answer", "Follow-up");
    }

    @Test
    void flagsAreOnePerUserAndMessageAndAdminsResolveThem() {
        User fay = signUp("fay");
        String conversation = createConversation(fay, null);
        JsonNode accepted = postMessage(fay, conversation, Map.of("content", "Is the earth flat?"));
        String answer = messagesPath(conversation) + "/" + accepted.get("messageId").asText();

        JsonNode polled = api.get(answer, fay.bearer()).body();
        assertThat(polled.get("status").asText()).isEqualTo("PENDING");
        assertThat(polled.get("parentId").asText()).isEqualTo(accepted.get("userMessageId").asText());

        ApiClient.Response flagged = api.post(answer + "/flag", fay.bearer(),
                ApiClient.json(Map.of("reason", "Nonsense", "category", "incorrect")));
        assertThat(flagged.status()).as(flagged.text()).isEqualTo(201);
        String flagId = flagged.body().get("id").asText();
        assertThat(api.post(answer + "/flag", fay.bearer(), ApiClient.json(Map.of("reason", "Again"))).status())
                .isEqualTo(409);

        JsonNode open = api.get("/api/admin/flags?resolved=false&size=100", admin).body();
        assertThat(open.findValuesAsString("id")).contains(flagId);
        ApiClient.Response resolved = api.post("/api/admin/flags/" + flagId + "/resolve", admin, null);
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body().get("resolved").asBoolean()).isTrue();
        assertThat(api.get("/api/admin/flags?resolved=false&size=100", admin).body().findValuesAsString("id"))
                .doesNotContain(flagId);
        assertNotFound(api.post("/api/admin/flags/no-such-flag/resolve", admin, null));
    }

    @Test
    void anotherUsersIdsAreNotFoundOnEveryNewEndpoint() {
        User owner = signUp("keeper");
        String conversation = createConversation(owner, "Mine");
        ChatRequested request = awaitChatRequested(postMessage(owner, conversation, Map.of("content", "Mine?"))
                .get("requestId").asText());
        worker(request).completed(0, "Yes", FinishReason.STOP);
        awaitAnswer(owner, conversation, request.getMessageId(), "COMPLETED");
        String question = api.get(messagesPath(conversation), owner.bearer()).body().at("/items/0/id").asText();
        String answer = messagesPath(conversation) + "/" + request.getMessageId();
        User other = signUp("other");

        assertNotFound(api.patch("/api/conversations/" + conversation, other.bearer(),
                ApiClient.json(Map.of("title", "Stolen"))));
        assertNotFound(api.delete("/api/conversations/" + conversation, other.bearer()));
        assertNotFound(api.get(answer, other.bearer()));
        assertNotFound(api.get(messagesPath(conversation) + "?branch=all", other.bearer()));
        assertNotFound(api.post(answer + "/regenerate", other.bearer(), null));
        assertNotFound(api.post(messagesPath(conversation) + "/" + question + "/edit", other.bearer(),
                ApiClient.json(Map.of("content", "Mine now"))));
        assertNotFound(api.post("/api/conversations/" + conversation + "/branches/" + request.getMessageId()
                + "/activate", other.bearer(), null));
        assertNotFound(api.post(answer + "/flag", other.bearer(), ApiClient.json(Map.of("reason", "Spite"))));
        assertThat(api.get("/api/conversations/" + conversation, owner.bearer()).body().get("title").asText())
                .isEqualTo("Mine");
    }

    static List<String> contents(JsonNode page) {
        List<String> contents = new ArrayList<>();
        page.get("items").forEach(message -> contents.add(message.get("content").asText()));
        return contents;
    }
}
