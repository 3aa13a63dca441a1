package dev.parley.ingress.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClientResponseException;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/** Accounting's problems become ours by their type: the status they came with decides nothing. */
class AccountingProblemsTest {

    @ParameterizedTest(name = "{0} answered with {1} -> {2}")
    @CsvSource({
            "quota-exhausted, 402, 402",
            "quota-exhausted, 400, 402",
            "too-many-reservations, 429, 429",
            "too-many-requests, 429, 429",
            "bad-request, 400, 400",
            "not-found, 404, 404",
            "conflict, 409, 409",
            "internal, 500, 503",
            "unavailable, 503, 503",
            "unauthorized, 401, 503",
            "forbidden, 403, 503",
            "method-not-allowed, 405, 503",
            "model-unknown, 400, 502",
            "no-such-kind, 409, 502"})
    void aTypeMapsToOneOfOurs(String kind, int theirStatus, int ourStatus) {
        ApiProblem problem = AccountingProblems.translate(answer(theirStatus,
                "{\"type\":\"urn:parley:problem:" + kind + "\",\"status\":" + theirStatus + ",\"detail\":\"d\"}"));

        assertThat(problem.getStatusCode().value()).isEqualTo(ourStatus);
        assertThat(problem.getStatusCode().value()).isNotEqualTo(500);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"QUOTA_EXHAUSTED", "TOO_MANY_RESERVATIONS", "NOT_FOUND", "CONFLICT"})
    void theCallersOwnProblemsKeepTheirTypeAndDetail(ProblemKind kind) {
        ApiProblem problem = AccountingProblems.translate(answer(kind.status().value(),
                "{\"type\":\"" + kind.type() + "\",\"detail\":\"about your input\"}"));

        assertThat(problem.kind()).isEqualTo(kind);
        assertThat(problem.getBody().getType()).isEqualTo(kind.type());
        assertThat(problem.getBody().getDetail()).isEqualTo("about your input");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BAD_REQUEST", "TOO_MANY_REQUESTS"})
    void accountingsGenericKindsBecomeOurs(ProblemKind kind) {
        ProblemKind ours = AccountingProblems.ours(kind);

        assertThat(ours).isIn(ProblemKind.VALIDATION, ProblemKind.RATE_LIMITED);
        assertThat(ours.status()).isEqualTo(kind.status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"<html>oops</html>", "{\"type\":\"about:blank\"}", "{}"})
    void anAnswerThatIsNoProblemOfOursIsABadGateway(String body) {
        ApiProblem problem = AccountingProblems.translate(answer(500, body));

        assertThat(problem.kind()).isEqualTo(ProblemKind.UPSTREAM_FAILED);
        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    private static RestClientResponseException answer(int status, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpStatus code = HttpStatus.valueOf(status);
        RestClientResponseException e = code.is4xxClientError()
                ? HttpClientErrorException.create(code, code.getReasonPhrase(), headers, bytes, StandardCharsets.UTF_8)
                : HttpServerErrorException.create(code, code.getReasonPhrase(), headers, bytes, StandardCharsets.UTF_8);
        // as RestClient does: the body read by its JSON converter, which knows ProblemDetail
        var converter = new JacksonJsonHttpMessageConverter();
        e.setBodyConvertFunction(type -> {
            var message = new MockHttpInputMessage(bytes);
            message.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            try {
                return converter.read(type, message, null);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        });
        return e;
    }
}
