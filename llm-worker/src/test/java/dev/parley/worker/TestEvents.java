package dev.parley.worker;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.events.CancelRequested;
import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.ChatRole;
import dev.parley.events.GenerationParameters;
import dev.parley.events.ProviderCredential;
import dev.parley.platform.crypto.KeyRing;

/** Requests as api-ingress publishes them. */
final class TestEvents {

    private TestEvents() {
    }

    static ChatRequested request(String provider, String model, Integer maxTokens, String question) {
        return request(provider, model, maxTokens, List.of(
                new ChatMessage(ChatRole.SYSTEM, "You are a helpful assistant.", List.of()),
                new ChatMessage(ChatRole.USER, question, List.of())));
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

    /** Seals {@code key} for exactly this request with the transport ring, as api-ingress does. */
    static ChatRequested withKey(ChatRequested request, String ring, String key, boolean ownKey) {
        KeyRing.Sealed sealed = KeyRing.parse(ring).seal(key.getBytes(StandardCharsets.UTF_8),
                request.getRequestId() + ":" + request.getUserId() + ":" + request.getProvider());
        return ChatRequested.newBuilder(request)
                .setProviderCredential(new ProviderCredential(sealed.keyVersion(), ByteBuffer.wrap(sealed.iv()),
                        ByteBuffer.wrap(sealed.ciphertext())))
                .setOwnKey(ownKey)
                .build();
    }

    static CancelRequested cancel(String requestId, String userId) {
        return new CancelRequested(requestId, userId, Instant.now());
    }
}
