package dev.parley.ingress.openai;

import java.util.ArrayList;
import java.util.List;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRole;
import dev.parley.events.ContentPart;
import dev.parley.events.GenerationParameters;
import dev.parley.ingress.attachment.InlineImages;
import dev.parley.ingress.submission.ChatSubmission;
import dev.parley.platform.problem.ApiProblem;
import tools.jackson.databind.JsonNode;

/**
 * Turns an OpenAI request into a Parley chat submission. The request's messages are the whole model context,
 * system messages included; the last user message is what gets stored as the question.
 */
final class ChatCompletionMapper {

    private ChatCompletionMapper() {
    }

    static ChatSubmission submission(ChatCompletionRequest request, InlineImages images) {
        List<ChatMessage> context = new ArrayList<>();
        int imageCount = 0;
        for (int index = 0; index < request.messages().size(); index++) {
            ChatCompletionMessage message = request.messages().get(index);
            ChatRole role = role(message.role(), index);
            List<ContentPart> parts = images(message.content(), index, role, images);
            imageCount += parts.size();
            context.add(new ChatMessage(role, text(message.content(), index), parts));
        }
        if (imageCount > images.maxPerRequest()) {
            throw ApiProblem.validation("messages", "carry " + imageCount + " images, more than the "
                    + images.maxPerRequest() + " a request may");
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
            throw ApiProblem.validation(field, "must be a string or an array of text and image_url parts");
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode part : content) {
            String type = part.isObject() ? part.path("type").asString() : "";
            JsonNode text = part.get("text");
            if ("text".equals(type) && text != null && text.isString()) {
                parts.add(text.stringValue());
            } else if (!"image_url".equals(type)) {
                throw ApiProblem.validation(field, "only parts of type text and image_url are supported");
            }
        }
        return String.join("\n", parts);
    }

    /** The message's image_url parts, in order; only user messages may carry images. */
    private static List<ContentPart> images(JsonNode content, int index, ChatRole role, InlineImages images) {
        if (content == null || !content.isArray()) {
            return List.of();
        }
        List<ContentPart> parts = new ArrayList<>();
        for (int n = 0; n < content.size(); n++) {
            JsonNode part = content.get(n);
            if (part.isObject() && "image_url".equals(part.path("type").asString())) {
                String field = "messages[" + index + "].content[" + n + "].image_url.url";
                if (role != ChatRole.USER) {
                    throw ApiProblem.validation(field, "only user messages may carry images");
                }
                JsonNode url = part.path("image_url").path("url");
                parts.add(images.part(url.isString() ? url.stringValue() : null, field));
            }
        }
        return parts;
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
