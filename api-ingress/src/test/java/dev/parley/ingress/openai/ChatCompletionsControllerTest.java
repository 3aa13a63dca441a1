package dev.parley.ingress.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.catalog.ModelPrices;
import dev.parley.ingress.providerkey.ProviderKeyService;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/** Request validation and the OpenAI error shape of the /v1 edge. */
@ControllerTest({ChatCompletionsController.class, OpenAiModelsController.class})
class ChatCompletionsControllerTest {

    static final String COMPLETIONS = "/v1/chat/completions";
    static final String HELLO = "{\"model\":\"mock-1\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]";

    @TestConfiguration
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ChatCompletionService completions;

    @MockitoBean
    ModelCatalog catalog;

    @MockitoBean
    ProviderKeyService providerKeys;

    ResultActions complete(String json) throws Exception {
        return mvc.perform(post(COMPLETIONS).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static void expectOpenAiError(ResultActions result, int status, String type, String param) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error.message").isNotEmpty())
                .andExpect(jsonPath("$.error.type").value(type))
                .andExpect(param == null ? jsonPath("$.error.param").value(nullValue())
                        : jsonPath("$.error.param").value(param))
                .andExpect(jsonPath("$.type").doesNotExist());
    }

    @Test
    void completionAnswersWhatTheServiceCompletesWith() throws Exception {
        var answer = ChatCompletionResponse.of("chatcmpl-r1", 1700000000L, "mock-1", "Hi!", "stop",
                new CompletionUsage(3, 2, 5));
        given(completions.complete(eq("u1"), any(), any())).willReturn(CompletableFuture.completedFuture(answer));

        MvcResult result = complete(HELLO + ",\"user\":\"ignored\",\"logit_bias\":{},\"n\":1}")
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(result))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.object").value("chat.completion"))
                .andExpect(jsonPath("$.choices[0].message.role").value("assistant"))
                .andExpect(jsonPath("$.choices[0].message.content").value("Hi!"))
                .andExpect(jsonPath("$.choices[0].finish_reason").value("stop"))
                .andExpect(jsonPath("$.usage.total_tokens").value(5));
    }

    @Test
    void modelsAreListedInOpenAisShape() throws Exception {
        given(providerKeys.providers("u1")).willReturn(Set.of("openai"));
        given(catalog.models(Set.of("openai"))).willReturn(List.of(new CatalogModel("mock-1", "mock", true),
                new CatalogModel("gpt-4o-mini", null, "openai", 128000, 4096, new ModelPrices(1, 2, 3), false,
                        Instant.parse("2025-01-01T00:00:00Z"))));

        mvc.perform(get("/v1/models").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.object").value("list"))
                .andExpect(jsonPath("$.data[0].id").value("mock-1"))
                .andExpect(jsonPath("$.data[0].object").value("model"))
                .andExpect(jsonPath("$.data[0].created").value(0))
                .andExpect(jsonPath("$.data[0].owned_by").value("mock"))
                .andExpect(jsonPath("$.data[1].id").value("gpt-4o-mini"))
                .andExpect(jsonPath("$.data[1].created").value(1735689600))
                .andExpect(jsonPath("$.data[1].owned_by").value("openai"));
    }

    @Test
    void unsupportedOrOutOfRangeParametersAreInvalidRequestErrorsNamingTheParameter() throws Exception {
        expectOpenAiError(complete(HELLO + ",\"n\":2}"), 400, "invalid_request_error", "n");
        expectOpenAiError(complete(HELLO + ",\"temperature\":3}"), 400, "invalid_request_error", "temperature");
        expectOpenAiError(complete(HELLO + ",\"top_p\":1.5}"), 400, "invalid_request_error", "top_p");
        expectOpenAiError(complete(HELLO + ",\"max_tokens\":0}"), 400, "invalid_request_error", "max_tokens");
        expectOpenAiError(complete(HELLO + ",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}"), 400, "invalid_request_error",
                "stop");
        expectOpenAiError(complete("{\"model\":\"mock-1\",\"messages\":[]}"), 400, "invalid_request_error", "messages");
        String tooMany = ",{\"role\":\"user\",\"content\":\"Hi\"}".repeat(501).substring(1);
        expectOpenAiError(complete("{\"model\":\"mock-1\",\"messages\":[" + tooMany + "]}"), 400,
                "invalid_request_error", "messages");
        expectOpenAiError(complete("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"), 400,
                "invalid_request_error", "model");
        verifyNoInteractions(completions);
    }

    @Test
    void malformedJsonAndWrongMethodAreOpenAiErrorsToo() throws Exception {
        expectOpenAiError(complete("{\"model\": "), 400, "invalid_request_error", null);
        expectOpenAiError(mvc.perform(get(COMPLETIONS).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))),
                405, "invalid_request_error", null);
    }

    @Test
    void missingOrBadBearerTokenIsAnInvalidApiKeyError() throws Exception {
        expectOpenAiError(mvc.perform(post(COMPLETIONS).contentType(MediaType.APPLICATION_JSON).content(HELLO + "}")),
                401, "invalid_request_error", null);
        mvc.perform(get("/v1/models").header(HttpHeaders.AUTHORIZATION, TestTokens.expired("u1")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error.code").value("invalid_api_key"));
    }

    @Test
    void serviceRefusalsKeepOpenAisStatuses() throws Exception {
        given(completions.complete(eq("u1"), any(), any()))
                .willThrow(new ApiProblem(ProblemKind.QUOTA_EXHAUSTED, "Your token balance is used up"));
        complete(HELLO + "}").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error.type").value("insufficient_quota"))
                .andExpect(jsonPath("$.error.code").value("insufficient_quota"));

        given(completions.complete(eq("u1"), any(), any())).willReturn(CompletableFuture.failedFuture(
                new ApiProblem(ProblemKind.UPSTREAM_FAILED, "down").with("code", "provider_unavailable")));
        MvcResult failed = complete(HELLO + "}").andReturn();
        mvc.perform(asyncDispatch(failed))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.error.type").value("server_error"))
                .andExpect(jsonPath("$.error.code").value("provider_unavailable"));
    }

    @Test
    void clientThatGoesAwayWhileWaitingIsReportedToTheService() throws Exception {
        var clientGone = ArgumentCaptor.forClass(CompletableFuture.class);
        given(completions.complete(eq("u1"), any(), clientGone.capture())).willReturn(new CompletableFuture<>());
        MvcResult waiting = complete(HELLO + "}").andExpect(request().asyncStarted()).andReturn();
        assertThat(clientGone.getValue()).isNotDone();

        // what the container does when it sees the connection broken
        var async = (MockAsyncContext) waiting.getRequest().getAsyncContext();
        for (AsyncListener listener : async.getListeners()) {
            listener.onError(new AsyncEvent(async, new IOException("Connection reset by peer")));
        }

        assertThat(clientGone.getValue()).isDone();
    }

    @Test
    void answeredCompletionReportsNoGoneClient() throws Exception {
        var clientGone = ArgumentCaptor.forClass(CompletableFuture.class);
        given(completions.complete(eq("u1"), any(), clientGone.capture())).willReturn(CompletableFuture
                .completedFuture(ChatCompletionResponse.of("chatcmpl-r1", 1L, "mock-1", "Hi!", "stop", null)));

        mvc.perform(asyncDispatch(complete(HELLO + "}").andReturn())).andExpect(status().isOk());

        assertThat(clientGone.getValue()).isNotDone();
    }
}
