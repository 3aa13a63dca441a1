package dev.parley.ingress.openai;

import java.util.ArrayList;
import java.util.List;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRole;
import dev.parley.events.GenerationParameters;
import dev.parley.ingress.message.ChatSubmission;
import dev.parley.ingress.web.ApiProblem;
import tools.jackson.databind.JsonNode;

/**
 * Turns an OpenAI request into a Parley chat submission. The request's messages are the whole model context,
 * system messages included; the last user message is what gets stored as the question.
 */
final class ChatCompletionMapper {

    private ChatCompletionMapper() {
    }

    static ChatSubmission submission(ChatCompletionRequest request) {
        List<ChatMessage> context = new ArrayList<>();
        for (int index = 0; index < request.messages().size(); index++) {
            ChatCompletionMessage message = request.messages().get(index);
            context.add(new ChatMessage(role(message.role(), index), text(message.content(), index)));
        }
        GenerationParameters parameters = GenerationParameters.newBuilder()
                .setTemperature(request.temperature())
                .setTopP(request.topP())
                .setMaxTokens(request.effectiveMaxTokens())
                .setStop(request.stop() == null ? List.of() : request.stop())
                .build();
        return new ChatSubmission(question(context), context, request.model(), parameters);
    }

    private static ChatRole role(String role, int index) {
        return switch (role == null ? "" : role) {
            case "system", "developer" -> ChatRole.SYSTEM;
            case "user" -> ChatRole.USER;
            case "assistant" -> ChatRole.ASSISTANT;
            default -> throw ApiProblem.validation("messages[" + index + "].role",
                    "must be one of system, developer, user, assistant");
        };
    }

    private static String text(JsonNode content, int index) {
        String field = "messages[" + index + "].content";
        if (content == null || content.isNull()) {
            throw ApiProblem.validation(field, "is required");
        }
        if (content.isString()) {
            return content.stringValue();
        }
        if (!content.isArray()) {
            throw ApiProblem.validation(field, "must be a string or an array of text parts");
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode part : content) {
            JsonNode text = part.get("text");
            if (!part.isObject() || !"text".equals(part.path("type").asString()) || text == null || !text.isString()) {
                throw ApiProblem.validation(field, "only parts of type text are supported");
            }
            parts.add(text.stringValue());
        }
        return String.join("\n", parts);
    }

    private static String question(List<ChatMessage> context) {
        for (int index = context.size() - 1; index >= 0; index--) {
            if (context.get(index).getRole() == ChatRole.USER) {
                return context.get(index).getContent();
            }
        }
        return context.getLast().getContent();
    }
}
