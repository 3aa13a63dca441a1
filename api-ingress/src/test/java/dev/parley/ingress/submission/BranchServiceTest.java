package dev.parley.ingress.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationLifecycle;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageQueries;
import dev.parley.ingress.message.MessageRole;
import dev.parley.ingress.message.MessageStatus;
import dev.parley.ingress.message.MessageTree;
import dev.parley.ingress.message.Turn;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/** Which messages may be regenerated, edited or activated, and where the new exchange goes. */
class BranchServiceTest {

    // q1 -> a1 -> q2 -> a2 (current), and q2b -> a2b, an older edit of q2
    static final List<MessageDocument> TREE = List.of(
            message("q1", MessageRole.USER, MessageStatus.COMPLETED, MessageTree.ROOT),
            message("a1", MessageRole.ASSISTANT, MessageStatus.COMPLETED, "q1"),
            message("q2b", MessageRole.USER, MessageStatus.COMPLETED, "a1"),
            message("a2b", MessageRole.ASSISTANT, MessageStatus.COMPLETED, "q2b"),
            message("q2", MessageRole.USER, MessageStatus.COMPLETED, "a1"),
            message("a2", MessageRole.ASSISTANT, MessageStatus.PENDING, "q2"));
    static final ConversationDocument CONVERSATION = new ConversationDocument("c1", "u1", null, null, false,
            Instant.EPOCH, Instant.EPOCH, null, "a2", null);

    final ConversationService conversations = mock(ConversationService.class);
    final ConversationLifecycle lifecycle = mock(ConversationLifecycle.class);
    final MessageQueries queries = mock(MessageQueries.class);
    final ChatRequestService chatRequests = mock(ChatRequestService.class);
    final BranchService branches = new BranchService(conversations, lifecycle, queries, chatRequests);

    BranchServiceTest() {
        given(conversations.requireOwned("u1", "c1")).willReturn(CONVERSATION);
        given(queries.tree(CONVERSATION)).willAnswer(call -> new MessageTree(TREE.stream().map(MessageTree::nodeOf)
                .toList()));
        given(queries.read(eq(CONVERSATION), anyList())).willAnswer(call -> {
            List<String> ids = call.getArgument(1);
            return ids.stream().flatMap(id -> TREE.stream().filter(message -> message.id().equals(id))).toList();
        });
    }

    static MessageDocument message(String id, MessageRole role, MessageStatus status, String parentId) {
        return new MessageDocument(id, "c1", "u1", role, id, status, "mock-1", "mock", "r", null, null, null, null,
                Instant.EPOCH, null, parentId, null, null, null, null, null, null);
    }

    static ProblemKind kindOf(Runnable call) {
        try {
            call.run();
        } catch (ApiProblem problem) {
            return problem.kind();
        }
        throw new AssertionError("no problem");
    }

    @Test
    void aRunningAnswerAnAnswerOfAnotherBranchAndAQuestionCannotBeRegenerated() {
        var settings = new RegenerateRequest(null, null, null);
        assertThat(kindOf(() -> branches.regenerate("u1", "c1", "a2", settings))).isEqualTo(ProblemKind.CONFLICT);
        assertThat(kindOf(() -> branches.regenerate("u1", "c1", "a2b", settings))).isEqualTo(ProblemKind.CONFLICT);
        assertThat(kindOf(() -> branches.regenerate("u1", "c1", "a1", settings))).isEqualTo(ProblemKind.CONFLICT);
        assertThat(kindOf(() -> branches.regenerate("u1", "c1", "q2", settings))).isEqualTo(ProblemKind.NOT_FOUND);
        verifyNoInteractions(chatRequests);
    }

    @Test
    void anEditedQuestionGoesNextToTheOldOneWithTheHistoryBeforeIt() {
        branches.edit("u1", "c1", "q2", new PostMessageRequest("q2 edited", null, null, null));

        ArgumentCaptor<List<MessageDocument>> history = historyCaptor();
        verify(chatRequests).answer(eq(CONVERSATION), eq(new Turn("a1", null)), history.capture(), eq("q2 edited"),
                any(), any());
        assertThat(history.getValue()).extracting(MessageDocument::id).containsExactly("q1", "a1");
    }

    @Test
    void onlyQuestionsOfTheCurrentBranchCanBeEdited() {
        var edit = new PostMessageRequest("x", null, null, null);
        assertThat(kindOf(() -> branches.edit("u1", "c1", "q2b", edit))).isEqualTo(ProblemKind.CONFLICT);
        assertThat(kindOf(() -> branches.edit("u1", "c1", "a1", edit))).isEqualTo(ProblemKind.NOT_FOUND);
        assertThat(kindOf(() -> branches.edit("u1", "c1", "nope", edit))).isEqualTo(ProblemKind.NOT_FOUND);
    }

    @Test
    void onlyTheEndOfABranchCanBeActivated() {
        assertThat(branches.activate("u1", "c1", "a2b").currentLeafId()).isEqualTo("a2b");
        verify(lifecycle).activate("u1", "c1", "a2b");
        assertThatThrownBy(() -> branches.activate("u1", "c1", "a1")).isInstanceOf(ApiProblem.class)
                .extracting(problem -> ((ApiProblem) problem).kind()).isEqualTo(ProblemKind.CONFLICT);
        assertThat(kindOf(() -> branches.activate("u1", "c1", "nope"))).isEqualTo(ProblemKind.NOT_FOUND);
    }

    @SuppressWarnings("unchecked")
    static ArgumentCaptor<List<MessageDocument>> historyCaptor() {
        return ArgumentCaptor.forClass(List.class);
    }
}
