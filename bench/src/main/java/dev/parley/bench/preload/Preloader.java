package dev.parley.bench.preload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.types.ObjectId;

import dev.parley.bench.setup.BenchUser;

/**
 * Writes history straight into MongoDB for profile f, in the exact shapes the services store (api-ingress's
 * {@code MessageDocument} and {@code ConversationDocument} with its message tree ({@code nodes}), usage-accounting's
 * {@code LedgerEntry}, as Spring Data maps them, {@code _class} included): finished conversations of question/answer pairs and applied debits, spread
 * evenly over the bench users and the last 90 days, so that every query the services run on these collections sees
 * them. Balances are not touched: the entries are history, as after a data migration.
 */
public final class Preloader {

    static final int MESSAGES_PER_CONVERSATION = 50;
    private static final int BATCH = 1000;
    private static final int WRITERS = 4;
    private static final String MODEL = "bench-1";
    private static final String PROVIDER = "bench-upstream";

    private final String mongoUri;

    public Preloader(String mongoUri) {
        this.mongoUri = mongoUri;
    }

    /** Inserts about {@code messages} messages and {@code ledgerEntries} ledger entries; returns what was added. */
    public String load(List<BenchUser> users, int messages, int ledgerEntries) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase(databaseName());
            int perUser = Math.max(MESSAGES_PER_CONVERSATION, messages / users.size());
            int conversationsPerUser = (perUser + MESSAGES_PER_CONVERSATION - 1) / MESSAGES_PER_CONVERSATION;
            // the embedded MongoDB inserts one document at a time per connection: a few writers keep both cores busy
            try (var writers = java.util.concurrent.Executors.newFixedThreadPool(WRITERS)) {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    done.add(writers.submit(() -> conversations(db, users, writer, conversationsPerUser)));
                    done.add(writers.submit(() -> ledger(db.getCollection("ledger"), users, writer, ledgerEntries)));
                }
                for (var future : done) {
                    future.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException("preloading failed: " + e.getMessage(), e);
            }
            int conversations = conversationsPerUser * users.size();
            return "%d messages in %d conversations and %d ledger entries over %d users".formatted(
                    conversations * MESSAGES_PER_CONVERSATION, conversations, ledgerEntries, users.size());
        }
    }

    // Writer w of WRITERS takes every WRITERS-th user.
    private static void conversations(MongoDatabase db, List<BenchUser> users, int writer, int perUser) {
        Batch messages = new Batch(db.getCollection("messages"));
        Batch conversations = new Batch(db.getCollection("conversations"));
        for (int u = writer; u < users.size(); u += WRITERS) {
            for (int c = 0; c < perUser; c++) {
                conversation(users.get(u), u * perUser + c, conversations, messages);
            }
        }
        messages.flush();
        conversations.flush();
    }

    private String databaseName() {
        String path = mongoUri.replaceFirst("^mongodb://[^/]+/?", "");
        String name = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return name.isBlank() ? "parley" : name;
    }

    private static void conversation(BenchUser user, int index, Batch conversations, Batch messages) {
        ObjectId conversationId = new ObjectId();
        Instant start = Instant.now().minus(Duration.ofMinutes(1 + (index * 7919L) % (90 * 24 * 60)));
        String parent = "root";
        List<Document> nodes = new ArrayList<>();
        for (int i = 0; i < MESSAGES_PER_CONVERSATION; i += 2) {
            String requestId = UUID.randomUUID().toString();
            Instant asked = start.plusSeconds(i * 30L);
            ObjectId question = new ObjectId();
            ObjectId answer = new ObjectId();
            messages.add(message(question, conversationId, user, "USER", "Question " + i + " of a long chat about "
                    + "partitions, consumer groups and exactly-once debits?", requestId, asked, parent)
                    .append("completedAt", Date.from(asked)));
            messages.add(message(answer, conversationId, user, "ASSISTANT", "An answer of about forty tokens that "
                    + "explains how a partition keeps its records in order and why a key picks the partition.",
                    requestId, asked, question.toHexString())
                    .append("finishReason", "STOP")
                    .append("usage", new Document("inputTokens", 40 + i * 30).append("outputTokens", 40)
                            .append("totalTokens", 80 + i * 30).append("source", "PROVIDER_REPORTED"))
                    .append("error", null).append("terminalSequence", 40L)
                    .append("completedAt", Date.from(asked.plusSeconds(2))));
            nodes.add(new Document("id", question.toHexString()).append("parentId", parent));
            nodes.add(new Document("id", answer.toHexString()).append("parentId", question.toHexString()));
            parent = answer.toHexString();
        }
        conversations.add(new Document("_id", conversationId).append("userId", user.id())
                .append("title", "preloaded chat " + index).append("deleted", false)
                .append("createdAt", Date.from(start))
                .append("updatedAt", Date.from(start.plusSeconds(MESSAGES_PER_CONVERSATION * 30L)))
                .append("_class", "dev.parley.ingress.conversation.ConversationDocument")
                .append("currentLeafId", parent).append("nodes", nodes));
    }

    private static Document message(ObjectId id, ObjectId conversationId, BenchUser user, String role, String content,
            String requestId, Instant createdAt, String parentId) {
        return new Document("_id", id).append("conversationId", conversationId.toHexString())
                .append("userId", user.id()).append("role", role).append("content", content)
                .append("status", "COMPLETED").append("model", MODEL).append("provider", PROVIDER)
                .append("requestId", requestId).append("createdAt", Date.from(createdAt))
                .append("parentId", parentId).append("_class", "dev.parley.ingress.message.MessageDocument");
    }

    private static void ledger(MongoCollection<Document> collection, List<BenchUser> users, int writer,
            int entries) {
        Batch batch = new Batch(collection);
        Instant now = Instant.now();
        for (int i = writer; i < entries; i += WRITERS) {
            BenchUser user = users.get(i % users.size());
            Instant recorded = now.minus(Duration.ofSeconds(60 + (i * 37L) % (90L * 24 * 3600)));
            long input = 40 + i % 400;
            batch.add(new Document("_id", UUID.randomUUID().toString()).append("type", "DEBIT")
                    .append("userId", user.id()).append("accountId", user.id())
                    .append("requestId", UUID.randomUUID().toString()).append("conversationId", new ObjectId().toHexString())
                    .append("provider", PROVIDER).append("model", MODEL)
                    .append("tokens", new Document("input", input).append("output", 40L).append("cachedInput", 0L)
                            .append("reasoning", 0L))
                    .append("source", "PROVIDER_REPORTED").append("outcome", "COMPLETED").append("ownKey", false)
                    .append("amount", input + 40).append("released", 4096 + input).append("state", "APPLIED")
                    .append("recordedAt", Date.from(recorded)).append("createdAt", Date.from(recorded.plusMillis(50)))
                    .append("_class", "dev.parley.accounting.ledger.LedgerEntry")
                    .append("balanceAfter", 1_000_000_000_000L - i).append("appliedAt", Date.from(recorded.plusMillis(80))));
        }
        batch.flush();
    }

    /** Inserts in batches, unordered (the documents are independent). */
    private static final class Batch implements Consumer<Document> {

        private final MongoCollection<Document> collection;
        private final List<Document> pending = new ArrayList<>();

        Batch(MongoCollection<Document> collection) {
            this.collection = collection;
        }

        void add(Document document) {
            accept(document);
        }

        @Override
        public void accept(Document document) {
            pending.add(document);
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                collection.insertMany(pending, new InsertManyOptions().ordered(false));
                pending.clear();
            }
        }
    }
}
