package dev.parley.ingress.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.parley.ingress.sse.AnswerStreams;
import dev.parley.ingress.stream.StreamData;
import dev.parley.ingress.submission.AcceptedChat;
import dev.parley.ingress.submission.StatelessChats;

/** A /v1 client that goes away before its answer finished cancels it, exactly once; a finished one does not. */
class ChatCompletionServiceTest {

    static final AcceptedChat ACCEPTED = new AcceptedChat("r1", "", "", null, "mock-1", Instant.EPOCH);
    static final ChatCompletionRequest REQUEST = request(false);

    final StatelessChats chats = mock(StatelessChats.class);
    final AnswerStreams answers = mock(AnswerStreams.class);
    final AbandonedCompletions abandoned = mock(AbandonedCompletions.class);
    final CompletableFuture<StreamData> terminal = new CompletableFuture<>();
    final CompletableFuture<Void> clientGone = new CompletableFuture<>();
    final ChatCompletionService service = new ChatCompletionService(chats, answers, abandoned,
            new OpenAiProperties(Duration.ofMinutes(5)), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
            new dev.parley.ingress.attachment.InlineImages(
                    dev.parley.ingress.attachment.AttachmentProperties.defaults()));

    ChatCompletionServiceTest() {
        given(chats.submit(any(), any())).willReturn(CompletableFuture.completedFuture(ACCEPTED));
        given(answers.terminal("r1")).willReturn(terminal);
    }

    static ChatCompletionRequest request(boolean stream) {
        return new ChatCompletionRequest("mock-1", List.of(ChatCompletionMapperTest.message("user", "Hi")), null,
                null, null, null, null, stream, null, null, null);
    }

    @Test
    void clientGoneWhileWaitingCancelsTheAnswerOnce() {
        CompletableFuture<Object> answer = service.complete("u1", REQUEST, clientGone);

        clientGone.complete(null);
        terminal.complete(new StreamData.Done("m1", "CANCELLED", "Hi", null));

        verify(abandoned, times(1)).cancel("u1", ACCEPTED);
        assertThat(answer).isCompletedExceptionally();
    }

    @Test
    void clientGoneAfterTheAnswerDoesNotCancel() {
        CompletableFuture<Object> answer = service.complete("u1", REQUEST, clientGone);

        terminal.complete(new StreamData.Done("m1", "STOP", "Hello", null));
        clientGone.complete(null);

        verify(abandoned, never()).cancel(any(), any());
        assertThat(answer).isCompletedWithValueMatching(response -> response instanceof ChatCompletionResponse);
    }

    @Test
    void anAnswerThatTakesLongerThanTheTimeoutIsCancelled() {
        var impatient = new ChatCompletionService(chats, answers, abandoned, new OpenAiProperties(Duration.ofMillis(1)),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), new dev.parley.ingress.attachment.InlineImages(
                        dev.parley.ingress.attachment.AttachmentProperties.defaults()));

        CompletableFuture<Object> answer = impatient.complete("u1", REQUEST, clientGone);

        assertThat(answer).failsWithin(Duration.ofSeconds(5));
        verify(abandoned, times(1)).cancel("u1", ACCEPTED);
    }

    @Test
    void streamCancelsThroughItsHookOnly() {
        var hook = ArgumentCaptor.forClass(Runnable.class);
        given(answers.stream(eq("r1"), any(), any(), hook.capture())).willReturn(null);

        service.complete("u1", request(true), clientGone);
        verify(abandoned, never()).cancel(any(), any());

        hook.getValue().run();
        verify(abandoned, times(1)).cancel("u1", ACCEPTED);
        verify(answers, never()).terminal(any());
    }
}
