package dev.parley.accounting.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.Reservation;
import dev.parley.contracts.accounting.AdvanceReservationResponse;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/** Reservations held ahead: duplicate ids are refused, and a write that held nothing answers what is held already. */
class ReserveAheadTest {

    private static final Instant EXPIRES = Instant.parse("2026-01-02T03:34:05Z");

    @Test
    void theSameIdTwiceIsABadRequestProblem() {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class,
                () -> ReservationService.requireDistinct(List.of("a", "b", "a")));

        assertThat(problem.kind()).isEqualTo(ProblemKind.BAD_REQUEST);
        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.getBody().getType()).hasToString("urn:parley:problem:bad-request");
        assertThat(problem.getBody().getDetail()).contains("a");
        assertThatNoException().isThrownBy(() -> ReservationService.requireDistinct(List.of("a", "b", "c")));
    }

    @Test
    void nothingHeldAnswersNoIdsWithThePayersAvailableCredits() {
        Account payer = account("org:o", 700, List.of(new Reservation("other", "u1", "m", 50, null, EXPIRES)));

        AdvanceReservationResponse answer = ReservationService.alreadyHeld(payer, "u1", List.of("a", "b"), 300);

        assertThat(answer.reservationIds()).isEmpty();
        assertThat(answer.accountId()).isEqualTo("org:o");
        assertThat(answer.amount()).isEqualTo(300);
        assertThat(answer.available()).isEqualTo(700);
        assertThat(answer.expiresAt()).isNull();
    }

    @Test
    void aRetryAnswersTheIdsStillHeldWithTheirAmountAndExpiry() {
        // "a" was settled by its request's usage since the first call; "b" and "c" are still held
        Account payer = account("u1", 400, List.of(new Reservation("c", "u1", "m", 250, null, EXPIRES),
                new Reservation("b", "u1", "m", 250, null, EXPIRES)));

        AdvanceReservationResponse answer = ReservationService.alreadyHeld(payer, "u1", List.of("a", "b", "c"), 300);

        assertThat(answer.reservationIds()).containsExactly("b", "c");
        assertThat(answer.accountId()).isEqualTo("u1");
        assertThat(answer.amount()).isEqualTo(250);
        assertThat(answer.expiresAt()).isEqualTo(EXPIRES);
        assertThat(answer.available()).isEqualTo(400);
    }

    @Test
    void onlyIdsHeldForThisUserAndLikeTheFirstAreAnswered() {
        Account payer = account("org:o", 400, List.of(new Reservation("a", "u2", "m", 250, null, EXPIRES),
                new Reservation("b", "u1", "m", 250, null, EXPIRES),
                new Reservation("c", "u1", "m", 999, null, EXPIRES),
                new Reservation("d", "u1", "m", 250, null, EXPIRES.plusSeconds(1)),
                new Reservation("e", "u1", "m", 250, null, EXPIRES)));

        AdvanceReservationResponse answer = ReservationService.alreadyHeld(payer, "u1",
                List.of("a", "b", "c", "d", "e"), 300);

        assertThat(answer.reservationIds()).containsExactly("b", "e");
        assertThat(answer.amount()).isEqualTo(250);
    }

    private static Account account(String id, long available, List<Reservation> reservations) {
        return new Account(id, available, available, 0, 0, 0, 0, 0, available, reservations, null, null, List.of(), 0,
                0, List.of(), null, List.of(), Map.of(), Instant.EPOCH, Instant.EPOCH);
    }
}
