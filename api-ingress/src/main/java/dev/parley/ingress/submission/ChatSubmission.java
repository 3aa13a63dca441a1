package dev.parley.ingress.submission;

import java.util.List;

import dev.parley.events.ChatMessage;
import dev.parley.events.GenerationParameters;

/**
 * A chat request whose whole model context the caller supplies.
 *
 * @param question stored as the user's message of the exchange
 * @param context sent to the model as it is, system messages included
 * @param model the requested model; blank means the conversation's or the catalog's default
 */
public record ChatSubmission(String question, List<ChatMessage> context, String model,
        GenerationParameters parameters) {
}
