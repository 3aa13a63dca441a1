package dev.parley.ingress.submission;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Service;

import dev.parley.ingress.attachment.AttachmentRef;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationLifecycle;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageQueries;
import dev.parley.ingress.message.MessageRole;
import dev.parley.ingress.message.MessageTree;
import dev.parley.ingress.message.Turn;
import dev.parley.platform.problem.ApiProblem;

/**
 * Re-runs parts of a conversation without losing anything: another answer to the last question, or an edited
 * question with its own answer. Each starts a new branch next to the old one and makes it current.
 */
@Service
class BranchService {

    private final ConversationService conversations;
    private final ConversationLifecycle lifecycle;
    private final MessageQueries queries;
    private final ChatRequestService chatRequests;

    BranchService(ConversationService conversations, ConversationLifecycle lifecycle, MessageQueries queries,
            ChatRequestService chatRequests) {
        this.conversations = conversations;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.chatRequests = chatRequests;
    }

    /** Only the last answer of the current branch, once finished; its question is asked again. */
    CompletableFuture<MessageAcceptedResponse> regenerate(String userId, String conversationId, String messageId,
            RegenerateRequest request) {
        ConversationDocument conversation = conversations.requireOwned(userId, conversationId);
        List<MessageDocument> branch = onBranch(conversation, messageId, MessageRole.ASSISTANT);
        MessageDocument answer = branch.getLast();
        if (!answer.id().equals(messageId)) {
            throw ApiProblem.conflict("Only the last answer of the conversation can be regenerated");
        }
        if (!answer.status().finished()) {
            throw ApiProblem.conflict("The answer is still being generated; cancel it or wait for it");
        }
        if (branch.size() < 2 || branch.get(branch.size() - 2).role() != MessageRole.USER) {
            throw ApiProblem.conflict("The answer has no question to ask again");
        }
        MessageDocument question = branch.get(branch.size() - 2);
        return chatRequests.answer(conversation, Turn.answerTo(question), branch.subList(0, branch.size() - 2),
                question.content(), idsOf(question), new PostMessageRequest(question.content(), request.model(),
                        request.temperature(), request.maxTokens(), request.webhookUrl()));
    }

    /** A question of the current branch, asked again with new content; what followed it stays on the old branch. */
    CompletableFuture<MessageAcceptedResponse> edit(String userId, String conversationId, String messageId,
            PostMessageRequest request) {
        ConversationDocument conversation = conversations.requireOwned(userId, conversationId);
        List<MessageDocument> branch = onBranch(conversation, messageId, MessageRole.USER);
        int index = indexOf(branch, messageId);
        String parentId = index == 0 ? null : branch.get(index - 1).id();
        // the edited question keeps its files unless the edit names others
        List<String> files = request.attachmentIds().isEmpty() ? idsOf(branch.get(index)) : request.attachmentIds();
        return chatRequests.answer(conversation, Turn.under(parentId), branch.subList(0, index), request.content(),
                files, request);
    }

    private static List<String> idsOf(MessageDocument question) {
        return question.attachments().stream().map(AttachmentRef::id).toList();
    }

    /** Makes the branch that ends with the message current; the message must end a branch. */
    BranchResponse activate(String userId, String conversationId, String leafId) {
        ConversationDocument conversation = conversations.requireOwned(userId, conversationId);
        MessageTree tree = queries.tree(conversation);
        if (!tree.contains(leafId)) {
            throw MessageQueries.notFound(leafId);
        }
        if (!tree.isLeaf(leafId)) {
            throw ApiProblem.conflict("Message " + leafId + " does not end a branch");
        }
        lifecycle.activate(userId, conversationId, leafId);
        return new BranchResponse(conversationId, leafId);
    }

    /** The current branch, which must hold the message with the role: 404 unknown, 409 on another branch. */
    private List<MessageDocument> onBranch(ConversationDocument conversation, String messageId, MessageRole role) {
        MessageTree tree = queries.tree(conversation);
        if (!tree.contains(messageId)) {
            throw MessageQueries.notFound(messageId);
        }
        List<String> branch = tree.branch(conversation.currentLeafId());
        if (!branch.contains(messageId)) {
            queries.read(conversation, List.of(messageId)).stream().filter(found -> found.role() == role).findFirst()
                    .orElseThrow(() -> MessageQueries.notFound(messageId));
            throw ApiProblem.conflict("Message " + messageId + " is not on the current branch");
        }
        List<MessageDocument> messages = queries.read(conversation, branch);
        messages.stream().filter(found -> found.id().equals(messageId) && found.role() == role).findFirst()
                .orElseThrow(() -> MessageQueries.notFound(messageId));
        return messages;
    }

    private static int indexOf(List<MessageDocument> branch, String messageId) {
        for (int i = 0; i < branch.size(); i++) {
            if (branch.get(i).id().equals(messageId)) {
                return i;
            }
        }
        return -1;
    }
}
