package dev.parley.ingress.attachment;

import java.util.List;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRole;
import dev.parley.events.ContentPart;

/**
 * What a message's files add to its model message: text after the message's own (the files' text, or a note
 * where a file is left out) and images.
 *
 * @param appendix text to put after the message's content; empty when none
 */
public record Attached(String appendix, List<ContentPart> images) {

    public static final Attached NONE = new Attached("", List.of());

    public ChatMessage message(ChatRole role, String content) {
        return new ChatMessage(role, content + appendix, images);
    }

    public boolean isEmpty() {
        return appendix.isEmpty() && images.isEmpty();
    }

    /** The same with the appendix replaced, e.g. cut to fit the model's window. */
    public Attached withAppendix(String cut) {
        return new Attached(cut, images);
    }
}
