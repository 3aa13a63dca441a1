package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;
import dev.parley.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What every row of the fault matrix asserts once the system has settled, for the users of that row:
 * <ul>
 * <li>no lost answer: every accepted message's answer is stored in a terminal state (COMPLETED, CANCELLED, FAILED);</li>
 * <li>Σ debits = Σ provider-reported usage: the user's debit entries add up to the tokens of their stored answers
 * (every model of the matrix costs one credit per token), their balance is the starting balance minus that, and
 * nothing stays reserved;</li>
 * <li>unique ledger ids: each debit is {@code <requestId>:<n>} of one of the user's requests, each request has at
 * least one, and no id appears twice.</li>
 * </ul>
 */
final class Books {

    static final Set<String> TERMINAL = Set.of("COMPLETED", "CANCELLED", "FAILED");
    /** The error code of an answer whose request never reached the broker (api-ingress's MessageOutcomes). */
    private static final String PUBLISH_FAILED = "publish_failed";
    private static final Pattern DEBIT_ID = Pattern.compile("(.+):(\\d+)");

    private Books() {
    }

    static void assertExact(RunningSystem system, List<Posted> sent, Duration within) {
        List<Posted> accepted = accepted(sent, within);
        Map<String, JsonNode> answers = awaitStored(accepted, within);
        Map<User, List<Posted>> byUser = new LinkedHashMap<>();
        accepted.forEach(posted -> byUser.computeIfAbsent(posted.user(), user -> new ArrayList<>()).add(posted));
        byUser.forEach((user, posts) -> {
            Map<String, JsonNode> byRequest = new LinkedHashMap<>();
            posts.forEach(post -> byRequest.put(post.requestId(), answers.get(post.messageId())));
            await().atMost(within).untilAsserted(() -> assertBooks(system, user, byRequest));
        });
    }

    /**
     * The accepted posts, the unanswered ones looked up in their conversations: a post whose client timed out was
     * accepted when its conversation has an answer that is not a failed publish (a refusal the client never heard).
     * Such an answer is never left PENDING: once the broker has it, a worker answers; else the publish fails.
     */
    static List<Posted> accepted(List<Posted> posts, Duration within) {
        List<Posted> accepted = new ArrayList<>();
        for (Posted post : posts) {
            if (post.answered()) {
                accepted.add(post);
                continue;
            }
            JsonNode answer = await().atMost(within).pollInterval(Duration.ofSeconds(1)).until(
                    () -> answerIn(post), found -> found.isMissingNode()
                            || TERMINAL.contains(found.get("status").asString()));
            boolean refused = answer.isMissingNode()
                    || PUBLISH_FAILED.equals(answer.path("error").path("code").asString(""));
            System.out.printf("unanswered post in %s: %s%n", post.conversationId(),
                    refused ? "refused" : "accepted as " + answer.get("requestId").asString());
            if (!refused) {
                accepted.add(new Posted(post.user(), post.conversationId(), answer.get("id").asString(),
                        answer.get("requestId").asString(), null));
            }
        }
        return accepted;
    }

    /** The assistant message of a conversation of one post, or a missing node. */
    private static JsonNode answerIn(Posted post) {
        for (JsonNode message : post.user().api().get("/api/conversations/" + post.conversationId() + "/messages")
                .json().get("items")) {
            if ("ASSISTANT".equals(message.get("role").asString())) {
                return message;
            }
        }
        return MissingNode.getInstance();
    }

    /** Every accepted answer in a terminal state, by message id. */
    static Map<String, JsonNode> awaitStored(List<Posted> accepted, Duration within) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        await().atMost(within).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Posted posted : accepted) {
                if (!answers.containsKey(posted.messageId())) {
                    JsonNode message = posted.user().api().get("/api/conversations/" + posted.conversationId()
                            + "/messages/" + posted.messageId()).json();
                    if (TERMINAL.contains(message.get("status").asString())) {
                        answers.put(posted.messageId(), message);
                    }
                }
            }
            assertThat(answers).as("answers stored in a terminal state").hasSameSizeAs(accepted);
        });
        return answers;
    }

    private static void assertBooks(RunningSystem system, User user, Map<String, JsonNode> answers) {
        long used = answers.values().stream().mapToLong(Books::tokens).sum();
        Set<String> requests = answers.keySet();
        ApiClient accounting = accounting(system);
        JsonNode account = accounting.get("/internal/accounts/" + user.id()).json();
        assertThat(account.get("reserved").asLong()).as("nothing left reserved").isZero();
        List<JsonNode> debits = debits(accounting, user.id());
        long debited = debits.stream().mapToLong(debit -> debit.get("amount").asLong()).sum();
        assertThat(debited).as("Σ debits = Σ provider-reported usage of %s; requests whose debits differ from "
                + "their stored answer: %s", user.id(), differences(answers, debits)).isEqualTo(used);
        assertThat(account.get("balance").asLong()).isEqualTo(RunningSystem.STARTING_BALANCE - used);
        Set<String> ids = new HashSet<>();
        Set<String> billed = new HashSet<>();
        for (JsonNode debit : debits) {
            String id = debit.get("id").asString();
            assertThat(ids.add(id)).as("ledger id %s once", id).isTrue();
            Matcher matcher = DEBIT_ID.matcher(id);
            assertThat(matcher.matches()).as("debit id %s is <requestId>:<n>", id).isTrue();
            assertThat(requests).as("debit %s belongs to an accepted request", id).contains(matcher.group(1));
            billed.add(matcher.group(1));
        }
        assertThat(billed).as("every accepted request billed").isEqualTo(requests);
    }

    /** Per request whose debits do not add up to its stored answer's tokens: the answer and the debits. */
    private static List<String> differences(Map<String, JsonNode> answers, List<JsonNode> debits) {
        Map<String, List<JsonNode>> byRequest = new LinkedHashMap<>();
        for (JsonNode debit : debits) {
            Matcher matcher = DEBIT_ID.matcher(debit.get("id").asString());
            String request = matcher.matches() ? matcher.group(1) : debit.get("id").asString();
            byRequest.computeIfAbsent(request, key -> new ArrayList<>()).add(debit);
        }
        List<String> differences = new ArrayList<>();
        answers.forEach((request, answer) -> {
            List<JsonNode> its = byRequest.getOrDefault(request, List.of());
            long debited = its.stream().mapToLong(debit -> debit.get("amount").asLong()).sum();
            if (debited != tokens(answer)) {
                differences.add(request + " answer " + answer.path("status").asString() + " " + answer.path("usage")
                        + " debits " + its);
            }
        });
        return differences;
    }

    static List<JsonNode> debits(ApiClient accounting, String userId) {
        List<JsonNode> debits = new ArrayList<>();
        for (JsonNode item : accounting.get("/internal/accounts/" + userId + "/transactions?size=200").json()
                .get("items")) {
            if ("DEBIT".equals(item.get("type").asString())) {
                debits.add(item);
            }
        }
        return debits;
    }

    static long tokens(JsonNode message) {
        JsonNode usage = message.get("usage");
        return usage == null || usage.isNull() ? 0 : usage.get("totalTokens").asLong();
    }

    /** The status of one health component of a service (llm-worker and usage-accounting show them). */
    static String healthOf(dev.parley.stack.ServiceProcess service, String component) {
        JsonNode status = new ApiClient(service.managementUrl()).get("/actuator/health").json().path("components")
                .path(component).path("status");
        return status.isMissingNode() ? "MISSING" : status.asString();
    }

    static ApiClient accounting(RunningSystem system) {
        return new ApiClient(system.accounting.baseUrl()).as(RunningSystem.SERVICE_TOKEN);
    }

    /** Records of these keys in the topics' dead-letter topics. */
    static long deadLetters(RunningSystem system, List<String> topics, Set<String> keys) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.env("KAFKA_BOOTSTRAP_SERVERS"),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(topics.stream().map(Topics::deadLetterOf).toList());
            long found = 0;
            for (int polls = 0; polls < 10; polls++) {
                for (var record : consumer.poll(Duration.ofSeconds(1))) {
                    if (keys.contains(record.key())) {
                        found++;
                    }
                }
            }
            return found;
        }
    }
}
