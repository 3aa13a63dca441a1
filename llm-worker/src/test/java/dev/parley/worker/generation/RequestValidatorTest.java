package dev.parley.worker.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.worker.provider.PromptMessage;
import dev.parley.worker.provider.PromptMessage.Role;

class RequestValidatorTest {

    static final List<PromptMessage> MESSAGES = List.of(new PromptMessage(Role.USER, "Hi"));

    final RequestValidator validator = new RequestValidator();

    @Test
    void acceptsAPlainRequest() {
        assertThat(validator.problem(request(MESSAGES, 0.7, 1.0, 100))).isEmpty();
        assertThat(validator.problem(request(MESSAGES, null, null, null))).isEmpty();
    }

    @Test
    void rejectsAnEmptyConversation() {
        assertThat(validator.problem(request(List.of(), null, null, null))).hasValueSatisfying(
                problem -> assertThat(problem).contains("no messages"));
    }

    @Test
    void rejectsParametersOutOfRange() {
        assertThat(validator.problem(request(MESSAGES, null, null, 0))).isPresent();
        assertThat(validator.problem(request(MESSAGES, -0.1, null, null))).isPresent();
        assertThat(validator.problem(request(MESSAGES, 2.5, null, null))).isPresent();
        assertThat(validator.problem(request(MESSAGES, Double.NaN, null, null))).isPresent();
        assertThat(validator.problem(request(MESSAGES, null, 0.0, null))).isPresent();
        assertThat(validator.problem(request(MESSAGES, null, 1.5, null))).isPresent();
    }

    @Test
    void rejectsMissingIdsAndModel() {
        assertThat(validator.problem(new GenerationRequest("", "u", "c", "m", "mock", "mock", MESSAGES, null, null,
                null, null))).isPresent();
        assertThat(validator.problem(new GenerationRequest("r", "u", "c", "m", "mock", " ", MESSAGES, null, null,
                null, null))).isPresent();
    }

    private static GenerationRequest request(List<PromptMessage> messages, Double temperature, Double topP,
            Integer maxTokens) {
        return new GenerationRequest("r", "u", "c", "m", "mock", "mock", messages, temperature, topP, maxTokens, null);
    }
}
