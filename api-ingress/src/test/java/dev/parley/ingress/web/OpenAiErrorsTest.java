package dev.parley.ingress.web;

import dev.parley.platform.problem.ProblemKind;
import dev.parley.platform.problem.ApiProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class OpenAiErrorsTest {

    static OpenAiErrors.Translation translate(ApiProblem problem) {
        return OpenAiErrors.translate(problem.getBody());
    }

    @Test
    void onlyTheV1EdgeSpeaksOpenAi() {
        assertThat(OpenAiErrors.appliesTo("/v1/chat/completions")).isTrue();
        assertThat(OpenAiErrors.appliesTo("/v1")).isTrue();
        assertThat(OpenAiErrors.appliesTo("/v10/x")).isFalse();
        assertThat(OpenAiErrors.appliesTo("/api/models")).isFalse();
    }

    @Test
    void validationNamesTheParameterInSnakeCase() {
        var translation = translate(ApiProblem.validation("maxCompletionTokens", "must be at least 1"));

        assertThat(translation.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(translation.body().error()).isEqualTo(new OpenAiError.Body(
                "Invalid 'max_completion_tokens': must be at least 1", "invalid_request_error",
                "max_completion_tokens", null));
        assertThat(translate(ApiProblem.validation("messages[0].content", "is required")).body().error().param())
                .isEqualTo("messages[0].content");
    }

    @Test
    void quotaModelAndKeyFollowOpenAisStatusesAndCodes() {
        var quota = translate(new ApiProblem(ProblemKind.QUOTA_EXHAUSTED, "Your token balance is used up"));
        assertThat(quota.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(quota.body().error().type()).isEqualTo("insufficient_quota");
        assertThat(quota.body().error().code()).isEqualTo("insufficient_quota");

        var model = translate(new ApiProblem(ProblemKind.MODEL_UNKNOWN, "Model 'x' is not available"));
        assertThat(model.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(model.body().error()).isEqualTo(new OpenAiError.Body("Model 'x' is not available",
                "invalid_request_error", "model", "model_not_found"));

        var key = translate(ApiProblem.unauthorized("A valid bearer token is required"));
        assertThat(key.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(key.body().error().code()).isEqualTo("invalid_api_key");
    }

    @Test
    void tooManyAnswersInProgressIsARateLimitErrorLikeTooManyRequests() {
        var busy = translate(new ApiProblem(ProblemKind.TOO_MANY_RESERVATIONS, "You have 8 answers in progress"));

        assertThat(busy.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(busy.body().error().type()).isEqualTo("rate_limit_error");
        assertThat(busy.body().error().code()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void serverSideFailuresAreServerErrorsKeepingTheirCode() {
        var upstream = translate(new ApiProblem(ProblemKind.UPSTREAM_FAILED, "down")
                .with("code", "provider_unavailable"));
        assertThat(upstream.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(upstream.body().error()).isEqualTo(new OpenAiError.Body("down", "server_error", null,
                "provider_unavailable"));

        assertThat(translate(new ApiProblem(ProblemKind.TIMEOUT, "slow")).body().error().code()).isEqualTo("timeout");
        assertThat(translate(ApiProblem.unavailable("later", null)).body().error().code())
                .isEqualTo("service_unavailable");
        var internal = translate(new ApiProblem(ProblemKind.INTERNAL, "oops"));
        assertThat(internal.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(internal.body().error().type()).isEqualTo("server_error");
    }
}
