package dev.parley.ingress.openai;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Service;

import dev.parley.ingress.attachment.InlineImages;
import dev.parley.ingress.sse.AnswerStreams;
import dev.parley.ingress.stream.StreamData;
import dev.parley.ingress.submission.AcceptedChat;
import dev.parley.ingress.submission.ChatSubmission;
import dev.parley.ingress.submission.StatelessChats;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * OpenAI chat completions on Parley's pipeline: published as a normal ChatRequested (same model, quota and
 * accounting rules as the native API) but stateless: the client sends the whole context and keeps the answer, so
 * nothing is stored or read per user. The answer is streamed, or awaited, from this instance's stream hub. No
 * thread waits for it.
 */
@Service
class ChatCompletionService {

    private static final String ID_PREFIX = "chatcmpl-";

    private final StatelessChats chats;
    private final AnswerStreams answers;
    private final AbandonedCompletions abandoned;
    private final OpenAiProperties properties;
    private final Clock clock;
    private final InlineImages images;

    ChatCompletionService(StatelessChats chats, AnswerStreams answers, AbandonedCompletions abandoned,
            OpenAiProperties properties, Clock clock, InlineImages images) {
        this.images = images;
        this.chats = chats;
        this.answers = answers;
        this.abandoned = abandoned;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Completes with a {@link ChatCompletionResponse}, or with an SSE emitter for a streaming request. A client
     * that goes away before its answer finished cancels the answer.
     *
     * @param clientGone completes when the container reports that the client of a non-streaming request went
     *        away (a streaming one is watched by its SSE stream)
     */
    CompletableFuture<Object> complete(String userId, ChatCompletionRequest request,
            CompletableFuture<Void> clientGone) {
        ChatSubmission submission = ChatCompletionMapper.submission(request, images);
        long created = clock.instant().getEpochSecond();
        return chats.submit(userId, submission).thenCompose(accepted -> request.streaming()
                ? CompletableFuture.completedFuture(stream(userId, accepted, created, request.includeUsage()))
                : answer(userId, accepted, created, clientGone));
    }

    private Object stream(String userId, AcceptedChat accepted, long created, boolean includeUsage) {
        var chunks = new CompletionChunks(ID_PREFIX + accepted.requestId(), created, accepted.model(), includeUsage);
        return answers.stream(accepted.requestId(), CompletionChunks.sse(chunks.opening()), chunks,
                () -> abandoned.cancel(userId, accepted));
    }

    private CompletableFuture<Object> answer(String userId, AcceptedChat accepted, long created,
            CompletableFuture<Void> clientGone) {
        CompletableFuture<StreamData> waiting = answers.terminal(accepted.requestId());
        // cancelling the wait succeeds only while the answer is unfinished (and not timed out)
        clientGone.thenRun(() -> {
            if (waiting.cancel(false)) {
                abandoned.cancel(userId, accepted);
            }
        });
        return waiting.orTimeout(properties.completionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((terminal, failure) -> {
                    if (failure != null) {
                        if (unwrap(failure) instanceof TimeoutException) {
                            // nobody will read it: stop paying for it
                            abandoned.cancel(userId, accepted);
                        }
                        throw unanswered(failure);
                    }
                    return response(accepted, created, terminal);
                });
    }

    private static Object response(AcceptedChat accepted, long created, StreamData terminal) {
        return switch (terminal) {
            case StreamData.Done done -> ChatCompletionResponse.of(ID_PREFIX + accepted.requestId(), created,
                    accepted.model(), done.content(), FinishReasons.of(done.finishReason()), done.usage() == null
                            ? null
                            : new CompletionUsage(done.usage().inputTokens(), done.usage().outputTokens(),
                                    done.usage().totalTokens()));
            case StreamData.Failure failure -> throw new ApiProblem(ProblemKind.UPSTREAM_FAILED, failure.message())
                    .with("code", failure.code());
            case StreamData.Delta delta -> throw new IllegalStateException("A delta is never terminal");
        };
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private ApiProblem unanswered(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ApiProblem problem) {
            return problem;
        }
        if (cause instanceof TimeoutException) {
            return new ApiProblem(ProblemKind.TIMEOUT, "No answer within " + properties.completionTimeout()
                    + "; the request was cancelled (what was generated is debited)");
        }
        return ApiProblem.unavailable("The answer could not be followed; try again", cause);
    }
}
