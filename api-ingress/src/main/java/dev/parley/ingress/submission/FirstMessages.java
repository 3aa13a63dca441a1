package dev.parley.ingress.submission;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import dev.parley.ingress.conversation.FirstMessage;
import dev.parley.ingress.webhook.WebhookTargets;

/** Posts the first message of a conversation created with it, exactly as {@code POST .../messages} would. */
@Component
class FirstMessages implements FirstMessage.Poster {

    private final ChatRequestService chatRequests;
    private final QuestionNotes notes;
    private final WebhookTargets webhooks;

    FirstMessages(ChatRequestService chatRequests, QuestionNotes notes, WebhookTargets webhooks) {
        this.chatRequests = chatRequests;
        this.notes = notes;
        this.webhooks = webhooks;
    }

    @Override
    public CompletableFuture<Object> post(String userId, String conversationId, FirstMessage message) {
        var request = new PostMessageRequest(message.content(), message.model(), message.temperature(),
                message.maxTokens(), message.webhookUrl(), List.of(), message.respond());
        if (!request.answered()) {
            return CompletableFuture.completedFuture(notes.store(userId, conversationId, request));
        }
        webhooks.require(userId, request.webhookUrl());
        return chatRequests.post(userId, conversationId, request).thenApply(accepted -> accepted);
    }
}
