package dev.parley.worker;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.events.CancelRequested;
import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.ChatRole;
import dev.parley.events.GenerationParameters;

/** Requests as api-ingress publishes them. */
final class TestEvents {

    private TestEvents() {
    }

    static ChatRequested request(String provider, String model, Integer maxTokens, String question) {
        return request(provider, model, maxTokens, List.of(
                new ChatMessage(ChatRole.SYSTEM, "You are a helpful assistant."),
                new ChatMessage(ChatRole.USER, question)));
    }

    static ChatRequested request(String provider, String model, Integer maxTokens, List<ChatMessage> messages) {
        return ChatRequested.newBuilder()
                .setRequestId("req-" + UUID.randomUUID())
                .setUserId("user-" + UUID.randomUUID())
                .setConversationId("conv-" + UUID.randomUUID())
                .setMessageId("msg-" + UUID.randomUUID())
                .setProvider(provider)
                .setModel(model)
                .setMessages(messages)
                .setParameters(GenerationParameters.newBuilder().setMaxTokens(maxTokens).build())
                .setRequestedAt(Instant.now())
                .build();
    }

    static CancelRequested cancel(String requestId, String userId) {
        return new CancelRequested(requestId, userId, Instant.now());
    }
}
