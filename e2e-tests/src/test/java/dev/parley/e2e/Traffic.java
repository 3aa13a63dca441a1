package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import dev.parley.e2e.ApiClient.Response;

/**
 * Users and messages for the fault matrix: each test signs up its own users, so that their accounts hold nothing but
 * that test's traffic, posts in parallel, and keeps every accepted answer for {@link Books}.
 */
final class Traffic {

    /** A signed-up user: their client (with token) and their id. */
    record User(ApiClient api, String id) {
    }

    /**
     * An accepted message (202): where its answer is stored. Or, with null message and request ids, a post that got
     * no answer at all (the client timed out while the server still waited for the broker): the server may have
     * accepted it, and only its conversation tells ({@link Books} looks).
     */
    record Posted(User user, String conversationId, String messageId, String requestId, String streamUrl) {

        static Posted unanswered(User user, String conversationId) {
            return new Posted(user, conversationId, null, null, null);
        }

        boolean answered() {
            return messageId != null;
        }
    }

    /** What a burst of posts got: the accepted ones, the unanswered ones and the status codes of the others. */
    record Burst(List<Posted> accepted, List<Posted> unanswered, Map<Integer, Integer> refused) {

        int total() {
            return accepted.size() + unanswered.size() + refused.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The posts the server may have accepted: the accepted ones and those whose answer never came. */
        List<Posted> maybeAccepted() {
            List<Posted> all = new ArrayList<>(accepted);
            all.addAll(unanswered);
            return all;
        }
    }

    private Traffic() {
    }

    static User signUp(ApiClient anonymous, String prefix) {
        String email = prefix + "-" + UUID.randomUUID() + "@example.com";
        Map<String, String> credentials = Map.of("email", email, "password", "correct horse battery");
        Response registered = anonymous.post("/api/auth/register", credentials);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Response login = anonymous.post("/api/auth/login", credentials);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        ApiClient api = anonymous.as(login.json().get("accessToken").asString());
        return new User(api, api.get("/api/auth/me").json().get("id").asString());
    }

    static List<User> signUp(ApiClient anonymous, String prefix, int count) {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(signUp(anonymous, prefix));
        }
        return users;
    }

    /**
     * One message; fails the test unless it is accepted. A 503 ("send it again": e.g. the first request of a fresh
     * system, while the registry registers its first schema) is sent again, as a client would.
     */
    static Posted post(User user, Map<String, Object> body) {
        String conversation = user.api().post("/api/conversations", Map.of()).json().get("id").asString();
        Response accepted = user.api().post("/api/conversations/" + conversation + "/messages", body);
        for (int again = 0; again < 3 && accepted.status() == 503; again++) {
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
            accepted = user.api().post("/api/conversations/" + conversation + "/messages", body);
        }
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return posted(user, conversation, accepted);
    }

    /**
     * {@code perUser} messages from every user at once, each in a conversation of its own (so every answer has the
     * same context); {@code body} makes the n-th body of a user. Posts refused (a broker refusing writes answers 503)
     * or failing at the transport are counted, not failed.
     */
    static Burst burst(List<User> users, int perUser, IntFunction<Map<String, Object>> body) {
        List<Future<Object>> posts = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (User user : users) {
                for (int n = 0; n < perUser; n++) {
                    Map<String, Object> message = body.apply(n);
                    posts.add(threads.submit(() -> postOnce(user, message)));
                }
            }
        }
        List<Posted> accepted = new ArrayList<>();
        List<Posted> unanswered = new ArrayList<>();
        Map<Integer, Integer> refused = new TreeMap<>();
        for (Future<Object> post : posts) {
            Object outcome = post.resultNow();
            if (outcome instanceof Posted posted) {
                (posted.answered() ? accepted : unanswered).add(posted);
            } else {
                refused.merge((Integer) outcome, 1, Integer::sum);
            }
        }
        return new Burst(accepted, unanswered, refused);
    }

    /**
     * @return the {@link Posted} message (unanswered when the post got no answer), or the status it was refused with
     *         (-1: the conversation could not even be created)
     */
    private static Object postOnce(User user, Map<String, Object> body) {
        String id;
        try {
            Response conversation = user.api().post("/api/conversations", Map.of());
            if (conversation.status() != 201) {
                return conversation.status();
            }
            id = conversation.json().get("id").asString();
        } catch (UncheckedIOException e) {
            return -1;
        }
        try {
            Response accepted = user.api().post("/api/conversations/" + id + "/messages", body);
            return accepted.status() == 202 ? posted(user, id, accepted) : accepted.status();
        } catch (UncheckedIOException e) {
            return Posted.unanswered(user, id);
        }
    }

    private static Posted posted(User user, String conversation, Response accepted) {
        var json = accepted.json();
        return new Posted(user, conversation, json.get("messageId").asString(), json.get("requestId").asString(),
                json.get("streamUrl").asString());
    }
}
