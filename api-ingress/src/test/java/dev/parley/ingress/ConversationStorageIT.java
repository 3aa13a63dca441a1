package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.parley.events.ChatRequested;
import dev.parley.events.FinishReason;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * A conversation keeps the tree of its messages, so that posting and reading it take a fixed number of keyed
 * database commands however many messages are stored, and conversations stored before that keep working.
 */
class ConversationStorageIT extends IngressIntegrationTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void postingReadsTheConversationOnceAndItsMessagesByIdOnce() {
        User ada = signUp("ada");
        String conversation = createConversation(ada, "counted");
        answer(ada, conversation, "First?", "First answer");
        double conversationFinds = commands("conversations", "find");
        double conversationUpdates = commands("conversations", "update");
        double messageFinds = commands("messages", "find");
        double messageInserts = commands("messages", "insert");
        double aggregates = commands("messages", "aggregate");

        ChatRequested second = awaitChatRequested(postMessage(ada, conversation, Map.of("content", "Second?"))
                .get("requestId").asText());

        assertThat(second.getMessages()).hasSize(3);
        assertThat(commands("conversations", "find") - conversationFinds).isEqualTo(1);
        assertThat(commands("conversations", "update") - conversationUpdates).isEqualTo(1);
        assertThat(commands("messages", "find") - messageFinds).isEqualTo(1);
        assertThat(commands("messages", "insert") - messageInserts).isEqualTo(1);
        assertThat(commands("messages", "aggregate") - aggregates).isZero();
        assertThat(meters.get("parley.ingress.accept").tag("api", "native").tag("outcome", "accepted").timer()
                .count()).isPositive();
        assertThat(meters.get("parley.ingress.reservation").tag("outcome", "admitted").timer().count()).isPositive();
    }

    @Test
    void aConversationStoredBeforeItsTreeWasKeptGetsItFromItsMessagesOnce() {
        User bea = signUp("bea");
        String conversation = createConversation(bea, "old");
        answer(bea, conversation, "Old question?", "Old answer");
        // as stored by a version that kept no tree
        mongo.updateFirst(Query.query(Criteria.where("_id").is(conversation)), new Update().unset("nodes"),
                "conversations");

        JsonNode messages = api.get(messagesPath(conversation), bea.bearer()).body();

        assertThat(messages.get("items")).extracting(message -> message.get("content").asText())
                .containsExactly("Old question?", "Old answer");
        assertThat(mongo.findById(conversation, org.bson.Document.class, "conversations").getList("nodes",
                org.bson.Document.class)).hasSize(2);
        ChatRequested next = awaitChatRequested(postMessage(bea, conversation, Map.of("content", "New?"))
                .get("requestId").asText());
        assertThat(next.getMessages()).extracting(message -> message.getContent())
                .containsExactly("Old question?", "Old answer", "New?");
    }

    private void answer(User user, String conversation, String question, String answer) {
        ChatRequested request = awaitChatRequested(postMessage(user, conversation, Map.of("content", question))
                .get("requestId").asText());
        worker(request).completed(0, answer, FinishReason.STOP);
        awaitAnswer(user, conversation, request.getMessageId(), "COMPLETED");
    }

    private double commands(String collection, String command) {
        return meters.find("mongodb.driver.commands").tag("collection", collection).tag("command", command)
                .timers().stream().mapToDouble(timer -> timer.count()).sum();
    }
}
