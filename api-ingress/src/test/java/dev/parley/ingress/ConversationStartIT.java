package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.ChatRole;
import dev.parley.events.FinishReason;
import tools.jackson.databind.JsonNode;

/** A conversation created with its first message, and messages stored without asking for an answer. */
class ConversationStartIT extends IngressIntegrationTest {

    @Test
    void aConversationAndItsFirstMessageInOneCall() {
        User ann = signUp("ann");
        ApiClient.Response created = api.post("/api/conversations", ann.bearer(), ApiClient.json(Map.of(
                "title", "Quick question", "message", Map.of("content", "What is Kafka?", "maxTokens", 100))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode body = created.body();
        String conversation = body.get("id").asText();
        assertThat(body.get("title").asText()).isEqualTo("Quick question");
        assertThat(body.at("/message/streamUrl").asText()).startsWith("/api/conversations/" + conversation);

        ChatRequested request = awaitChatRequested(body.at("/message/requestId").asText());
        assertThat(request.getConversationId()).isEqualTo(conversation);
        assertThat(request.getMessages()).containsExactly(new ChatMessage(ChatRole.USER, "What is Kafka?", List.of()));
        worker(request).completed(0, "A log.", FinishReason.STOP);
        JsonNode answer = awaitAnswer(ann, conversation, body.at("/message/messageId").asText(), "COMPLETED");
        assertThat(answer.get("maxTokens").asInt()).isEqualTo(100);
        assertThat(answer.has("temperature")).isFalse();
    }

    @Test
    void aRefusedFirstMessageCreatesNoConversation() {
        User bob = signUp("bob");
        long before = api.get("/api/conversations", bob.bearer()).body().get("total").asLong();

        ApiClient.Response refused = api.post("/api/conversations", bob.bearer(), ApiClient.json(Map.of(
                "message", Map.of("content", "Hi", "model", "no-such-model"))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:parley:problem:model-unknown");
        assertThat(api.get("/api/conversations", bob.bearer()).body().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void messagesStoredWithoutAnAnswerJoinTheNextAnswersContext() {
        User cat = signUp("cat");
        String conversation = createConversation(cat, null);

        ApiClient.Response stored = api.post(messagesPath(conversation), cat.bearer(), ApiClient.json(Map.of(
                "content", "My name is Cat.", "respond", false)));
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        assertThat(stored.body().has("requestId")).isFalse();
        JsonNode listed = api.get(messagesPath(conversation), cat.bearer()).body();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.at("/items/0/id").asText()).isEqualTo(stored.body().get("userMessageId").asText());

        ChatRequested request = awaitChatRequested(postMessage(cat, conversation, Map.of("content",
                "What is my name?")).get("requestId").asText());
        assertThat(request.getMessages()).containsExactly(
                new ChatMessage(ChatRole.USER, "My name is Cat.", List.of()),
                new ChatMessage(ChatRole.USER, "What is my name?", List.of()));
    }
}
