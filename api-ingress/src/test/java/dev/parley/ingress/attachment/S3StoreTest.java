package dev.parley.ingress.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * The S3-compatible store through the AWS SDK as {@link AttachmentConfig} builds it, against a MockWebServer that
 * answers like S3 (path-style PUT, GET with NoSuchKey, POST ?delete): keys carry the prefix, requests are signed,
 * missing objects are left out, deletes are batched.
 */
class S3StoreTest {

    static final Pattern DELETE_KEY = Pattern.compile("<Key>([^<]+)</Key>");

    final MockWebServer server = new MockWebServer();
    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    S3Store store;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
        var settings = new S3Settings(server.url("/").toString(), "us-east-1", "files", "parley/", "key-id",
                "secret-key", true);
        store = new S3Store(AttachmentConfig.s3Client(settings), "files", "parley/");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void objectsAreWrittenReadAndDeletedUnderThePrefix() {
        byte[] original = "the original file".getBytes(StandardCharsets.UTF_8);
        byte[] text = new byte[300_000];
        new java.util.Random(3).nextBytes(text);

        store.write("f1", original);
        store.write("f1.txt", text);

        assertThat(objects).containsOnlyKeys("/files/parley/f1", "/files/parley/f1.txt");
        Map<String, byte[]> read = store.readAll(List.of(new StoredObject("f1", original.length),
                new StoredObject("f1.txt", text.length), new StoredObject("missing", 5)));
        assertThat(read).containsOnlyKeys("f1", "f1.txt");
        assertThat(read.get("f1")).isEqualTo(original);
        assertThat(read.get("f1.txt")).isEqualTo(text);
        assertThat(store.read(new StoredObject("missing", 5))).isNull();

        store.deleteAll(List.of(new StoredObject("f1", original.length), new StoredObject("f1.txt", text.length),
                new StoredObject("never-written", 1)));

        assertThat(objects).isEmpty();
        assertThat(store.readAll(List.of(new StoredObject("f1", original.length)))).isEmpty();
    }

    @Test
    void requestsAreSignedWithTheConfiguredKey() throws Exception {
        store.write("signed", new byte[] {1, 2, 3});

        RecordedRequest put = server.takeRequest();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getHeaders().get("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=key-id/")
                .doesNotContain("secret-key");
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        switch (request.getMethod()) {
            case "PUT" -> {
                objects.put(path, request.getBody() == null ? new byte[0] : request.getBody().toByteArray());
                return new MockResponse.Builder().addHeader("ETag", "\"e\"").build();
            }
            case "GET" -> {
                byte[] content = objects.get(path);
                return content == null ? new MockResponse.Builder().code(404)
                        .addHeader("Content-Type", "application/xml")
                        .body("<Error><Code>NoSuchKey</Code><Message>no such key</Message></Error>").build()
                        : new MockResponse.Builder().addHeader("Content-Type", "application/octet-stream")
                        .body(new Buffer().write(content)).build();
            }
            case "POST" -> {
                Matcher keys = DELETE_KEY.matcher(request.getBody().utf8());
                while (keys.find()) {
                    objects.remove(path + "/" + keys.group(1));
                }
                return new MockResponse.Builder().addHeader("Content-Type", "application/xml")
                        .body("<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></DeleteResult>")
                        .build();
            }
            default -> {
                return new MockResponse.Builder().code(405).build();
            }
        }
    }
}
