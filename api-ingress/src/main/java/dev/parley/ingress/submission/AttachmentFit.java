package dev.parley.ingress.submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRole;
import dev.parley.ingress.admission.TokenEstimator;
import dev.parley.ingress.attachment.Attached;
import dev.parley.ingress.attachment.AttachmentRef;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.message.MessageDocument;

/**
 * Fits a new message's files into the model's context window: their text is cut, with a note to the model, to what
 * is left of the window after the system prompt, the question, its images and the output limit (and of the per-request
 * character budget). Older turns make room first (the window's trimming); a question whose files alone overflow the
 * window gets their beginning rather than a refusal.
 */
final class AttachmentFit {

    static final String CUT_NOTE = "\n\n[the attached files are cut here to fit the model's context window]";
    /** Room kept for the estimate's margin (10 % + 16 tokens) and the note. */
    private static final int SLACK_TOKENS = 64;

    private final TokenEstimator tokens;

    AttachmentFit(TokenEstimator tokens) {
        this.tokens = tokens;
    }

    Attached fit(CatalogModel model, String systemPrompt, String question, Attached files, int outputLimit,
            int maxContextChars) {
        String appendix = files.appendix();
        if (appendix.isEmpty()) {
            return files;
        }
        boolean cut = false;
        int charRoom = Math.max(0, maxContextChars - question.length() - CUT_NOTE.length());
        if (appendix.length() > charRoom) {
            appendix = appendix.substring(0, charRoom);
            cut = true;
        }
        List<ChatMessage> fixed = new ArrayList<>();
        if (systemPrompt != null) {
            fixed.add(new ChatMessage(ChatRole.SYSTEM, systemPrompt, List.of()));
        }
        fixed.add(files.withAppendix("").message(ChatRole.USER, question));
        long room = model.contextWindow() - outputLimit - tokens.estimate(model.id(), fixed);
        long allowed = (room - SLACK_TOKENS) * 100 / (100 + 10);
        if (tokens.count(model.id(), appendix) > allowed) {
            appendix = tokens.truncate(model.id(), appendix, (int) Math.max(0, allowed));
            cut = true;
        }
        return files.withAppendix(cut ? appendix + CUT_NOTE : appendix);
    }

    /** The files of the history's messages that go to the model, by message id, oldest first. */
    static SequencedMap<String, List<AttachmentRef>> refsOf(List<MessageDocument> history) {
        SequencedMap<String, List<AttachmentRef>> refs = new LinkedHashMap<>();
        for (MessageDocument message : history) {
            if (!message.attachments().isEmpty() && ContextAssembler.belongsInContext(message)) {
                refs.put(message.id(), message.attachments());
            }
        }
        return refs;
    }
}
