package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.mongodb.client.MongoClients;

import dev.parley.events.FinishReason;

/**
 * A stress test, off unless {@code -Dparley.stress.streams=N} (streams per client) is given: native streams opened
 * within milliseconds of their answer's events, before or after them, as in the benchmark's warm-up. Before the
 * opening was written on the request's own thread, about one stream in 20,000 got nothing and never ended (the
 * events' writer committed the response while the request's thread was still leaving the filters). The answers
 * are stored straight into the database, so that no rate limit of posting applies; each client (user) reads one
 * stream at a time over one keep-alive connection pool, as the benchmark's clients do.
 */
@EnabledIfSystemProperty(named = "parley.stress.streams", matches = "\\d+")
class NativeStreamRaceIT extends IngressIntegrationTest {

    private static final int CLIENTS = 6;
    private static final long MAX_JITTER_NANOS = 6_000_000;

    @Test
    void everyStreamOpenedAroundItsAnswersEventsEnds() throws InterruptedException {
        int streams = Integer.getInteger("parley.stress.streams");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        var hung = new ConcurrentLinkedQueue<String>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            User user = signUp("stress" + c);
            String conversation = createConversation(user, null);
            clients.add(Thread.ofPlatform().start(() -> {
                try (var mongo = MongoClients.create(INFRA.mongoUri())) {
                    var messages = mongo.getDatabase(DATABASE).getCollection("messages");
                    for (int i = 0; i < streams; i++) {
                        String messageId = new ObjectId().toHexString();
                        String requestId = UUID.randomUUID().toString();
                        messages.insertOne(new Document("_id", new ObjectId(messageId))
                                .append("conversationId", conversation).append("userId", user.id())
                                .append("role", "ASSISTANT").append("content", "").append("status", "PENDING")
                                .append("model", "mock-1").append("provider", "mock").append("requestId", requestId)
                                .append("createdAt", new Date()));
                        SseClient stream = openAroundTheAnswer(http, user, conversation, messageId,
                                new TestWorker(kafka, requestId, user.id(), conversation, messageId));
                        try {
                            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2))
                                    .until(() -> stream.ended);
                        } catch (ConditionTimeoutException e) {
                            // the stream's response stays open: this client goes on with the next one
                        }
                        if (!stream.ended || !stream.names().contains("done")) {
                            hung.add(messageId + ": ended " + stream.ended + ", status " + stream.status + ", events "
                                    + stream.names());
                        }
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        assertThat(hung).isEmpty();
    }

    /** Opens the stream up to a few milliseconds before or after the answer's events are published. */
    private SseClient openAroundTheAnswer(HttpClient http, User user, String conversation, String messageId,
            TestWorker worker) {
        long jitter = ThreadLocalRandom.current().nextLong(-MAX_JITTER_NANOS, MAX_JITTER_NANOS);
        SseClient stream = null;
        if (jitter < 0) {
            stream = open(http, user, conversation, messageId);
            LockSupport.parkNanos(-jitter);
        }
        for (int i = 0; i < 5; i++) {
            worker.delta(i, "t" + i);
        }
        worker.completed(5, "t0t1t2t3t4", FinishReason.STOP);
        if (jitter >= 0) {
            LockSupport.parkNanos(jitter);
            stream = open(http, user, conversation, messageId);
        }
        return stream;
    }

    private SseClient open(HttpClient http, User user, String conversation, String messageId) {
        return SseClient.open(http, api.uri(messagesPath(conversation) + "/" + messageId + "/stream"), user.bearer(),
                null);
    }
}
