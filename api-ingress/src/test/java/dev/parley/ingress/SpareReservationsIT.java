package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.parley.events.ChatRequested;
import tools.jackson.databind.JsonNode;

/**
 * Admission from reservations held ahead, against the accounting stub: a user's second request within a second holds
 * spares in one call, later requests are published under a spare's id without a reservation call, and the spares
 * no request took are given back once idle. No id is both published and given back.
 */
class SpareReservationsIT extends IngressIntegrationTest {

    @Test
    void aBusyUsersRequestsAreAdmittedFromSparesAndTheUnusedOnesAreGivenBack() {
        User kim = signUp("kim");
        String conversation = createConversation(kim, null);
        post(kim, conversation);
        post(kim, conversation);
        List<String> held = await().until(() -> heldAhead(kim), ids -> ids.size() == 4);

        List<ChatRequested> fromSpares = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fromSpares.add(awaitChatRequested(post(kim, conversation)));
        }

        for (ChatRequested request : fromSpares) {
            assertThat(held).contains(request.getRequestId());
            assertThat(reserveCalls(request.getRequestId())).isZero();
            // sized for a request of up to 256 input tokens and the model's 1024 output tokens, at one credit each
            assertThat(request.getReservation().getAmount()).isEqualTo(256 + 1024);
            assertThat(request.getReservation().getAccountId()).isEqualTo(kim.id());
            assertThat(request.getParameters().getMaxTokens()).isEqualTo(1024);
        }
        Set<String> published = new HashSet<>(fromSpares.stream().map(ChatRequested::getRequestId).toList());
        // the third took the last but one: a refill of three followed; all that is left is given back once idle
        List<String> allHeld = await().until(() -> heldAhead(kim), ids -> ids.size() == 7);
        Set<String> unused = new HashSet<>(allHeld);
        unused.removeAll(published);
        await().atMost(Duration.ofSeconds(30)).until(() -> released(kim).containsAll(unused));
        assertThat(released(kim)).doesNotContainAnyElementsOf(published).hasSize(unused.size());
    }

    String post(User user, String conversation) {
        JsonNode accepted = postMessage(user, conversation, Map.of("content", "Hello"));
        return accepted.get("requestId").asText();
    }

    static List<String> heldAhead(User user) {
        return AccountingStub.calls("POST", "/internal/reservations/advance").stream()
                .filter(call -> call.body().get("userId").asText().equals(user.id()))
                .flatMap(call -> call.body().get("reservationIds").valueStream().map(JsonNode::asText)).toList();
    }

    static long reserveCalls(String requestId) {
        return AccountingStub.reservations().stream()
                .filter(call -> call.body().get("reservationId").asText().equals(requestId)).count();
    }

    static List<String> released(User user) {
        return AccountingStub.calls("DELETE", "/internal/reservations/").stream()
                .filter(call -> call.query().contains(user.id()))
                .map(call -> call.path().substring("/internal/reservations/".length())).toList();
    }
}
