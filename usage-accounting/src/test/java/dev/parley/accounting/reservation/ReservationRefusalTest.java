package dev.parley.accounting.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.Reservation;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/** A refused hold is explained from the account read after it, which may already have room again. */
class ReservationRefusalTest {

    static final ReservationLimits LIMITS = new ReservationLimits(1000, 8);
    static final Reservation RESERVATION = new Reservation("r1", "u1", "m", 500, Instant.EPOCH, Instant.EPOCH);

    @Test
    void creditsThatDoNotCoverTheWorstCaseAreAQuotaProblem() {
        ApiProblem problem = ReservationService.refusal(account(499, 0), RESERVATION, LIMITS);

        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.PAYMENT_REQUIRED);
        assertThat(problem.kind()).isEqualTo(ProblemKind.QUOTA_EXHAUSTED);
        assertThat(problem.getBody().getType()).hasToString("urn:parley:problem:quota-exhausted");
    }

    @Test
    void theUsersAnswersAtTheirLimitAreTooManyReservations() {
        ApiProblem problem = ReservationService.refusal(account(1_000_000, 8), RESERVATION, LIMITS);

        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(problem.kind()).isEqualTo(ProblemKind.TOO_MANY_RESERVATIONS);
    }

    @Test
    void creditsEnoughAndRoomAgainMeanACountWasFullAMomentAgoNotAnEmptyBalance() {
        // the hold failed on a count; by the time the account was read, another request had settled
        ApiProblem problem = ReservationService.refusal(account(1_000_000, 3), RESERVATION, LIMITS);

        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(problem.kind()).isEqualTo(ProblemKind.TOO_MANY_RESERVATIONS);
    }

    private static Account account(long available, int active) {
        return new Account("u1", available, available, 0, 0, 0, 0, 0, available, List.of(), null, null, List.of(), 0, 0,
                List.of(), null, List.of(), Map.of("u1", active), Instant.EPOCH, Instant.EPOCH);
    }
}
