package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRequested;
import dev.parley.events.FinishReason;
import dev.parley.ingress.attachment.TestImages;
import tools.jackson.databind.JsonNode;

/** Files on messages: upload, what the model gets, who may see them, and what is refused. */
class AttachmentIT extends IngressIntegrationTest {

    static final String NOTES = "# Packing list\n\n* passport\n* charger\n";

    @Autowired
    MongoTemplate mongo;

    @Test
    void filesAreUploadedListedDownloadedAndCountedAgainstTheOwnersStorage() {
        User ann = signUp("ann");
        String conversation = createConversation(ann, "Trip");
        byte[] png = TestImages.png(120, 80);

        JsonNode notes = upload(ann, conversation, "notes.md", "text/markdown", NOTES.getBytes(StandardCharsets.UTF_8));
        assertThat(notes.get("mediaType").asText()).isEqualTo("text/markdown");
        assertThat(notes.get("kind").asText()).isEqualTo("TEXT");
        assertThat(notes.get("textChars").asInt()).isEqualTo(NOTES.length());
        JsonNode pdf = upload(ann, conversation, "itinerary.pdf", "application/pdf",
                TestImages.pdf("Day one: Lisbon", "Day two: Porto"));
        assertThat(pdf.get("pages").asInt()).isEqualTo(2);
        JsonNode image = upload(ann, conversation, "map.png", "image/png", png);
        assertThat(image.get("width").asInt()).isEqualTo(120);

        JsonNode listed = api.get(attachmentsPath(conversation), ann.bearer()).body();
        assertThat(listed).extracting(file -> file.get("name").asText())
                .containsExactly("notes.md", "itinerary.pdf", "map.png");
        HttpResponse<byte[]> download = api.bytes(image.get("contentUrl").asText(), ann.bearer());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("map.png");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        JsonNode usage = api.get("/api/me/usage", ann.bearer()).body();
        assertThat(usage.at("/attachments/files").asLong()).isEqualTo(3);
        assertThat(usage.at("/attachments/bytes").asLong()).isEqualTo(notes.get("storedBytes").asLong()
                + pdf.get("storedBytes").asLong() + image.get("storedBytes").asLong());

        assertThat(api.delete(attachmentsPath(conversation) + "/" + notes.get("id").asText(), ann.bearer()).status())
                .isEqualTo(204);
        assertThat(api.get(attachmentsPath(conversation), ann.bearer()).body()).hasSize(2);
        assertThat(api.get("/api/me/usage", ann.bearer()).body().at("/attachments/files").asLong()).isEqualTo(2);
    }

    @Test
    void aMessagesFilesGoToTheModelAsTextAndImagesAndStayInTheContext() {
        User bea = signUp("bea");
        String conversation = createConversation(bea, null);
        byte[] png = TestImages.png(64, 64);
        String notes = upload(bea, conversation, "notes.md", null, NOTES.getBytes(StandardCharsets.UTF_8))
                .get("id").asText();
        String map = upload(bea, conversation, "map.png", "image/png", png).get("id").asText();

        JsonNode accepted = postMessage(bea, conversation, Map.of("content", "What should I pack?",
                "attachmentIds", List.of(notes, map), "temperature", 0.3, "maxTokens", 200));
        ChatRequested first = awaitChatRequested(accepted.get("requestId").asText());
        ChatMessage question = first.getMessages().getLast();
        assertThat(question.getContent()).startsWith("What should I pack?")
                .contains("<file name=\"notes.md\" type=\"text/markdown\">\n" + NOTES + "\n</file>")
                .contains("[image \"map.png\" attached]");
        assertThat(question.getParts()).singleElement().satisfies(part -> {
            assertThat(part.getMediaType()).isEqualTo("image/png");
            assertThat(part.getData()).isEqualTo(ByteBuffer.wrap(png));
        });
        worker(first).completed(0, "A passport and a charger.", FinishReason.STOP);
        JsonNode answer = awaitAnswer(bea, conversation, first.getMessageId(), "COMPLETED");
        assertThat(answer.get("temperature").asDouble()).isEqualTo(0.3);
        assertThat(answer.get("maxTokens").asInt()).isEqualTo(200);
        JsonNode stored = message(bea, conversation, accepted.get("userMessageId").asText());
        assertThat(stored.get("attachments")).extracting(file -> file.get("name").asText())
                .containsExactly("notes.md", "map.png");

        // the files stay in the conversation's context
        ChatRequested second = awaitChatRequested(postMessage(bea, conversation,
                Map.of("content", "And for the beach?")).get("requestId").asText());
        assertThat(second.getMessages().getFirst().getContent()).contains(NOTES);
        assertThat(second.getMessages().getFirst().getParts()).hasSize(1);
        assertThat(second.getMessages().getLast().getParts()).isEmpty();
        assertThat(second.getParameters().getMaxTokens()).isEqualTo(1024);

        // a model that takes no images refuses them
        ApiClient.Response refused = api.post(messagesPath(conversation), bea.bearer(), ApiClient.json(Map.of(
                "content", "Look", "model", "mock-error", "attachmentIds", List.of(map))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:parley:problem:model-takes-no-images");
    }

    @Test
    void aRequestWithTheMostImagesAllowedFitsThroughTheBroker() {
        User hal = signUp("hal");
        String conversation = createConversation(hal, null);
        List<String> images = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode image = upload(hal, conversation, "noise-" + i + ".png", "image/png", TestImages.noise(1500, 1100));
            images.add(image.get("id").asText());
        }
        ApiClient.Response tooMany = api.post(messagesPath(conversation), hal.bearer(), ApiClient.json(Map.of(
                "content", "Five?", "attachmentIds", java.util.stream.Stream.concat(images.stream(),
                        java.util.stream.Stream.of(upload(hal, conversation, "one-more.png", null,
                                TestImages.png(10, 10)).get("id").asText())).toList())));
        assertThat(tooMany.status()).isEqualTo(400);

        ChatRequested request = awaitChatRequested(postMessage(hal, conversation, Map.of("content", "Compare these",
                "attachmentIds", images)).get("requestId").asText());

        List<ByteBuffer> sent = request.getMessages().getLast().getParts().stream()
                .map(part -> part.getData()).toList();
        assertThat(sent).hasSize(4).allSatisfy(data -> assertThat(data.remaining()).isBetween(100_000, 1024 * 1024));
        // well above the 1 MB a Kafka record may have by default
        assertThat(sent.stream().mapToInt(ByteBuffer::remaining).sum()).isGreaterThan(1_500_000);
    }

    @Test
    void someoneElsesFilesAreNotFound() {
        User cat = signUp("cat");
        User dan = signUp("dan");
        String conversation = createConversation(cat, null);
        JsonNode file = upload(cat, conversation, "secret.txt", "text/plain", "top secret".getBytes(StandardCharsets.UTF_8));
        String path = attachmentsPath(conversation) + "/" + file.get("id").asText();

        assertThat(api.get(path, dan.bearer()).status()).isEqualTo(404);
        assertThat(api.bytes(path + "/content", dan.bearer()).statusCode()).isEqualTo(404);
        assertThat(api.delete(path, dan.bearer()).status()).isEqualTo(404);
        assertThat(api.get(attachmentsPath(conversation), dan.bearer()).status()).isEqualTo(404);
        assertThat(api.upload(attachmentsPath(conversation), dan.bearer(), "x.txt", "text/plain",
                "mine".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(404);
        // nor can a message of another conversation, even the owner's, name it
        String dansConversation = createConversation(dan, null);
        assertThat(api.post(messagesPath(dansConversation), dan.bearer(), ApiClient.json(Map.of("content", "read it",
                "attachmentIds", List.of(file.get("id").asText())))).status()).isEqualTo(404);
        String catsOther = createConversation(cat, null);
        assertThat(api.post(messagesPath(catsOther), cat.bearer(), ApiClient.json(Map.of("content", "read it",
                "attachmentIds", List.of(file.get("id").asText())))).status()).isEqualTo(404);
        assertThat(api.get(path, cat.bearer()).status()).isEqualTo(200);
    }

    @Test
    void deletingTheConversationDeletesItsFiles() {
        User eve = signUp("eve");
        String conversation = createConversation(eve, null);
        JsonNode file = upload(eve, conversation, "photo.jpg", "image/jpeg", TestImages.jpeg(50, 40));
        String id = file.get("id").asText();
        assertThat(mongo.findById(id + ":0", Document.class, "attachment_chunks")).isNotNull();

        assertThat(api.delete("/api/conversations/" + conversation, eve.bearer()).status()).isEqualTo(204);

        assertThat(mongo.findById(id, Document.class, "attachments")).isNull();
        assertThat(mongo.findById(id + ":0", Document.class, "attachment_chunks")).isNull();
        assertThat(api.get("/api/me/usage", eve.bearer()).body().at("/attachments/bytes").asLong()).isZero();
    }

    @Test
    void badFilesAreRefusedWithProblems() {
        User fay = signUp("fay");
        String conversation = createConversation(fay, null);
        assertRefused(fay, conversation, "notes.txt", "text/plain", TestImages.zip(5_000_000), 400,
                "attachment-expands-too-much");
        assertRefused(fay, conversation, "cat.png", "image/png", TestImages.pdf("I am a PDF"), 400,
                "attachment-type-mismatch");
        assertRefused(fay, conversation, "huge.png", "image/png", TestImages.pngHeaderOnly(80_000, 80_000), 400,
                "attachment-expands-too-much");
        assertRefused(fay, conversation, "tool", null, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0}, 415,
                "attachment-type-unsupported");
        assertRefused(fay, conversation, "big.txt", "text/plain", new byte[10 * 1024 * 1024 + 1], 413,
                "attachment-too-large");
        assertThat(api.get(attachmentsPath(conversation), fay.bearer()).body()).isEmpty();
        assertThat(api.get("/api/me/usage", fay.bearer()).body().at("/attachments/files").asLong()).isZero();
    }

    @Test
    void openAiImagePartsReachTheModel() {
        User gus = signUp("gus");
        String key = createApiKey(gus, "sdk");
        byte[] png = TestImages.png(32, 32);
        String body = ApiClient.json(Map.of("model", "mock-1", "messages", List.of(Map.of("role", "user",
                "content", List.of(Map.of("type", "text", "text", "Describe"), Map.of("type", "image_url",
                        "image_url", Map.of("url", "data:image/png;base64," + Base64.getEncoder().encodeToString(png))))))));
        // the call answers once the answer is complete, which the test plays below
        var completion = api.http().sendAsync(java.net.http.HttpRequest.newBuilder(api.uri("/v1/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        ChatRequested request = awaitRequest(event -> event.getUserId().equals(gus.id()));
        assertThat(request.getMessages().getFirst().getContent()).isEqualTo("Describe");
        assertThat(request.getMessages().getFirst().getParts().getFirst().getData()).isEqualTo(ByteBuffer.wrap(png));
        worker(request).completed(0, "A circle.", FinishReason.STOP);
        assertThat(completion.join().statusCode()).isEqualTo(200);
        assertThat(completion.join().body()).contains("A circle.");

        ApiClient.Response noVision = api.post("/v1/chat/completions", "Bearer " + key, ApiClient.json(Map.of(
                "model", "mock-error", "messages", List.of(Map.of("role", "user", "content", List.of(
                        Map.of("type", "image_url", "image_url", Map.of("url", "https://example.com/a.png"))))))));
        assertThat(noVision.status()).isEqualTo(400);
        assertThat(noVision.body().at("/error/message").asText()).contains("takes no images");
    }

    private ChatRequested awaitRequest(Predicate<ChatRequested> matching) {
        return await().until(() -> kafka.find(dev.parley.events.Topics.CHAT_REQUESTS, ChatRequested.class,
                matching::test), found -> found.isPresent()).get();
    }

    private void assertRefused(User user, String conversation, String name, String type, byte[] content, int status,
            String kind) {
        ApiClient.Response refused = api.upload(attachmentsPath(conversation), user.bearer(), name, type, content);
        assertThat(refused.status()).as(refused.text()).isEqualTo(status);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:parley:problem:" + kind);
    }

    private JsonNode upload(User user, String conversation, String name, String type, byte[] content) {
        ApiClient.Response uploaded = api.upload(attachmentsPath(conversation), user.bearer(), name, type, content);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        return uploaded.body();
    }

    static String attachmentsPath(String conversation) {
        return "/api/conversations/" + conversation + "/attachments";
    }
}
