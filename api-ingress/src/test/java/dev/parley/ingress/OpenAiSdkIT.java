package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.ChatRole;
import dev.parley.events.FinishReason;
import dev.parley.events.Topics;
import tools.jackson.databind.JsonNode;

/**
 * The unmodified official OpenAI Java SDK against /v1, authenticated with a Parley API key created through the
 * API, while the test plays the worker.
 */
class OpenAiSdkIT extends IngressIntegrationTest {

    final List<String> handled = new CopyOnWriteArrayList<>();
    User owner;
    String apiKey;
    OpenAIClient openAi;

    @BeforeAll
    void createKeyAndClient() {
        owner = signUp("sdk");
        apiKey = createApiKey(owner, "sdk test");
        openAi = client(apiKey);
    }

    OpenAIClient client(String key) {
        // no retries: a refused request must show its first answer
        return OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + port + "/v1").apiKey(key).maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void nonStreamingCompletionRunsThroughThePipelineAndStoresNothing() throws Exception {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("mock-1")
                .addSystemMessage("Answer briefly.")
                .addUserMessage("Hello there")
                .temperature(0.3)
                .topP(0.9)
                .maxCompletionTokens(64)
                .stop("END")
                .build();

        CompletableFuture<ChatCompletion> answer = openAi.async().chat().completions().create(params);
        ChatRequested request = awaitRequestOf(owner);
        assertThat(request.getMessages()).containsExactly(new ChatMessage(ChatRole.SYSTEM, "Answer briefly.", List.of()),
                new ChatMessage(ChatRole.USER, "Hello there", List.of()));
        assertThat(request.getModel()).isEqualTo("mock-1");
        assertThat(request.getParameters().getTemperature()).isEqualTo(0.3);
        assertThat(request.getParameters().getTopP()).isEqualTo(0.9);
        assertThat(request.getParameters().getMaxTokens()).isEqualTo(64);
        assertThat(request.getParameters().getStop()).containsExactly("END");
        worker(request).delta(0, "Hello").delta(1, " world").completed(2, "Hello world", FinishReason.STOP);

        ChatCompletion completion = answer.get(30, TimeUnit.SECONDS);
        assertThat(completion.id()).isEqualTo("chatcmpl-" + request.getRequestId());
        assertThat(completion.model()).isEqualTo("mock-1");
        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().getFirst().message().content()).contains("Hello world");
        assertThat(completion.choices().getFirst().finishReason().asString()).isEqualTo("stop");
        assertThat(completion.usage()).hasValueSatisfying(usage -> {
            assertThat(usage.promptTokens()).isEqualTo(12);
            assertThat(usage.completionTokens()).isEqualTo(3);
            assertThat(usage.totalTokens()).isEqualTo(15);
        });

        // stateless, like OpenAI's API: the client keeps the exchange; nothing is stored or listed for it
        assertThat(request.getConversationId()).isEmpty();
        assertThat(request.getMessageId()).isEmpty();
        assertThat(request.getReservation()).isNotNull();
        JsonNode conversations = api.get("/api/conversations", "Bearer " + apiKey).body();
        assertThat(conversations.get("items")).isEmpty();
    }

    @Test
    void streamingCompletionSendsChunksFinishReasonAndUsage() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("mock-1")
                .addUserMessage("Tell me a story")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        List<ChatCompletionChunk> chunks = new CopyOnWriteArrayList<>();

        var stream = openAi.async().chat().completions().createStreaming(params);
        stream.subscribe(chunks::add);
        ChatRequested request = awaitRequestOf(owner);
        worker(request).delta(0, "Once").delta(1, " upon").completed(2, "Once upon", FinishReason.LENGTH);

        await().until(() -> stream.onCompleteFuture().isDone());
        assertThat(stream.onCompleteFuture()).isCompleted();
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.id()).isEqualTo("chatcmpl-" + request.getRequestId()));
        assertThat(chunks.getFirst().choices().getFirst().delta().role()).isPresent();
        String text = chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.delta().content().orElse(""))
                .collect(Collectors.joining());
        assertThat(text).isEqualTo("Once upon");
        assertThat(chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .flatMap(choice -> choice.finishReason().stream())
                .map(reason -> reason.asString())).containsExactly("length");
        ChatCompletionChunk last = chunks.getLast();
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage()).hasValueSatisfying(usage -> assertThat(usage.totalTokens()).isEqualTo(15));
    }

    @Test
    void modelsAreListedWithTheirProvider() {
        List<Model> models = openAi.models().list().data();

        assertThat(models).extracting(Model::id).containsExactly("mock-1", "mock-error");
        assertThat(models).extracting(Model::ownedBy).containsOnly("mock");
    }

    @Test
    void refusalsAreOpenAiErrorsThatTheSdkUnderstands() {
        var unknownModel = ChatCompletionCreateParams.builder().model("gpt-99").addUserMessage("Hi").build();
        assertThatThrownBy(() -> openAi.chat().completions().create(unknownModel))
                .isInstanceOfSatisfying(NotFoundException.class, error -> {
                    assertThat(error.code()).contains("model_not_found");
                    assertThat(error.param()).contains("model");
                });

        assertThatThrownBy(() -> client("pk_00000000_not-a-real-key").models().list())
                .isInstanceOfSatisfying(UnauthorizedException.class,
                        error -> assertThat(error.code()).contains("invalid_api_key"));

        User broke = signUp("broke");
        OpenAIClient brokeClient = client(createApiKey(broke, "broke"));
        AccountingStub.BALANCES.put(broke.id(), 0L);
        assertThatThrownBy(() -> brokeClient.chat().completions().create(
                ChatCompletionCreateParams.builder().model("mock-1").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(RateLimitException.class, error -> {
                    assertThat(error.statusCode()).isEqualTo(429);
                    assertThat(error.type()).contains("insufficient_quota");
                });
    }

    @Test
    void providerFailureEndsTheStreamWithAnErrorAndFailsANonStreamingCall() throws Exception {
        var streamed = api.http().sendAsync(HttpRequest.newBuilder(api.uri("/v1/chat/completions"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(Map.of("model", "mock-error", "stream", true,
                        "messages", List.of(Map.of("role", "user", "content", "Fail please"))))))
                .build(), HttpResponse.BodyHandlers.ofString());
        ChatRequested request = awaitRequestOf(owner);
        worker(request).delta(0, "Par").failed(1, "Par", "provider_unavailable", "The provider is down");

        HttpResponse<String> response = streamed.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> data = response.body().lines().filter(line -> line.startsWith("data:")).toList();
        assertThat(data.getLast()).contains("\"error\"").contains("provider_unavailable")
                .contains("The provider is down");
        assertThat(response.body()).doesNotContain("[DONE]");

        CompletableFuture<ChatCompletion> failing = openAi.async().chat().completions().create(
                ChatCompletionCreateParams.builder().model("mock-error").addUserMessage("Fail again").build());
        ChatRequested second = awaitRequestOf(owner);
        worker(second).failed(0, "", "provider_unavailable", "The provider is down");
        assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(OpenAIServiceException.class)
                .cause().satisfies(error -> {
                    assertThat(((OpenAIServiceException) error).statusCode()).isEqualTo(502);
                    assertThat(((OpenAIServiceException) error).code()).contains("provider_unavailable");
                });
    }

    /** The user's next request that no test has handled yet: the tests share one user and one topic. */
    ChatRequested awaitRequestOf(User user) {
        ChatRequested request = await().until(() -> kafka.find(Topics.CHAT_REQUESTS, ChatRequested.class,
                event -> event.getUserId().equals(user.id()) && !handled.contains(event.getRequestId())),
                found -> found.isPresent()).get();
        handled.add(request.getRequestId());
        return request;
    }
}
