package dev.parley.ingress.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRole;
import dev.parley.ingress.attachment.AttachmentProperties;
import dev.parley.ingress.attachment.InlineImages;
import dev.parley.ingress.attachment.TestImages;
import dev.parley.ingress.submission.ChatSubmission;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChatCompletionMapperTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static ChatCompletionMessage message(String role, Object content) {
        return new ChatCompletionMessage(role, JSON.valueToTree(content));
    }

    static final InlineImages IMAGES = new InlineImages(AttachmentProperties.defaults());

    static ChatCompletionRequest request(List<ChatCompletionMessage> messages) {
        return new ChatCompletionRequest("mock-1", messages, 0.5, 0.9, 100, null, List.of("END"), null, null, null,
                null);
    }

    @Test
    void theWholeMessagesArrayIsTheContextAndTheLastUserMessageTheQuestion() {
        ChatSubmission submission = ChatCompletionMapper.submission(request(List.of(
                message("system", "Be brief."),
                message("developer", "Use English."),
                message("user", "First?"),
                message("assistant", "First answer"),
                message("user", List.of(Map.of("type", "text", "text", "Second"), Map.of("type", "text", "text", "?"))),
                message("assistant", "Partial"))), IMAGES);

        assertThat(submission.context()).containsExactly(
                new ChatMessage(ChatRole.SYSTEM, "Be brief.", List.of()),
                new ChatMessage(ChatRole.SYSTEM, "Use English.", List.of()),
                new ChatMessage(ChatRole.USER, "First?", List.of()),
                new ChatMessage(ChatRole.ASSISTANT, "First answer", List.of()),
                new ChatMessage(ChatRole.USER, "Second\n?", List.of()),
                new ChatMessage(ChatRole.ASSISTANT, "Partial", List.of()));
        assertThat(submission.question()).isEqualTo("Second\n?");
        assertThat(submission.model()).isEqualTo("mock-1");
        assertThat(submission.parameters().getTemperature()).isEqualTo(0.5);
        assertThat(submission.parameters().getTopP()).isEqualTo(0.9);
        assertThat(submission.parameters().getMaxTokens()).isEqualTo(100);
        assertThat(submission.parameters().getStop()).containsExactly("END");
    }

    @Test
    void maxCompletionTokensWinsAndMissingStopIsEmpty() {
        var request = new ChatCompletionRequest("mock-1", List.of(message("user", "Hi")), null, null, 100, 50, null,
                true, null, "someone", 1);

        ChatSubmission submission = ChatCompletionMapper.submission(request, IMAGES);

        assertThat(submission.parameters().getMaxTokens()).isEqualTo(50);
        assertThat(submission.parameters().getStop()).isEmpty();
        assertThat(submission.parameters().getTemperature()).isNull();
    }

    @Test
    void unsupportedRolesAndContentNameTheField() {
        assertInvalid(List.of(message("user", "Hi"), message("tool", "result")), "messages[1].role");
        assertInvalid(List.of(message("user", null)), "messages[0].content");
        assertInvalid(List.of(message("user", 42)), "messages[0].content");
        assertInvalid(List.of(message("user", List.of(Map.of("type", "input_audio",
                "input_audio", Map.of("data", "AAAA", "format", "wav"))))), "messages[0].content");
    }

    static void assertInvalid(List<ChatCompletionMessage> messages, String field) {
        assertThatThrownBy(() -> ChatCompletionMapper.submission(request(messages), IMAGES))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(ProblemKind.VALIDATION);
                    JsonNode errors = JSON.valueToTree(problem.getBody().getProperties().get("errors"));
                    assertThat(errors.at("/0/field").asText()).isEqualTo(field);
                });
    }

    @Test
    void imageUrlPartsBecomeImagePartsOfTheUserMessage() throws Exception {
        byte[] png = TestImages.png(40, 30);
        String dataUrl = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
        ChatSubmission submission = ChatCompletionMapper.submission(request(List.of(message("user", List.of(
                Map.of("type", "text", "text", "What is this?"),
                Map.of("type", "image_url", "image_url", Map.of("url", dataUrl)),
                Map.of("type", "image_url", "image_url", Map.of("url", "https://example.com/cat.jpg")))))), IMAGES);

        ChatMessage question = submission.context().getFirst();
        assertThat(question.getContent()).isEqualTo("What is this?");
        assertThat(question.getParts()).hasSize(2);
        assertThat(question.getParts().get(0).getMediaType()).isEqualTo("image/png");
        assertThat(question.getParts().get(0).getData()).isEqualTo(java.nio.ByteBuffer.wrap(png));
        assertThat(question.getParts().get(1).getUrl()).isEqualTo("https://example.com/cat.jpg");
        assertThat(question.getParts().get(1).getData()).isNull();
    }

    @Test
    void aDataUrlThatIsNoImageOrALocalUrlIsRefused() {
        String pdf = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(
                "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ChatCompletionMapper.submission(request(List.of(message("user", List.of(
                Map.of("type", "image_url", "image_url", Map.of("url", pdf)))))), IMAGES))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> ChatCompletionMapper.submission(request(List.of(message("user", List.of(
                Map.of("type", "image_url", "image_url", Map.of("url", "http://169.254.169.254/x.png")))))), IMAGES))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> ChatCompletionMapper.submission(request(List.of(message("assistant", List.of(
                Map.of("type", "image_url", "image_url", Map.of("url", "https://example.com/a.png")))))), IMAGES))
                .isInstanceOf(ApiProblem.class);
    }
}
