package dev.parley.accounting.reservation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.contracts.accounting.AdvanceReservationRequest;
import dev.parley.contracts.accounting.AdvanceReservationResponse;
import dev.parley.contracts.accounting.ReservationRequest;
import dev.parley.contracts.accounting.ReservationResponse;

/**
 * Admission for api-ingress: reserve before publishing a request (or several ahead of requests), release when
 * publishing failed.
 */
@RestController
@RequestMapping("/internal/reservations")
class ReservationController {

    private final ReservationService reservations;

    ReservationController(ReservationService reservations) {
        this.reservations = reservations;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ReservationResponse reserve(@Valid @RequestBody ReservationRequest request) {
        return reservations.reserve(request);
    }

    /** Reservations api-ingress holds ahead of requests: 200 with all the ids held, or none. */
    @PostMapping("/advance")
    AdvanceReservationResponse reserveAhead(@Valid @RequestBody AdvanceReservationRequest request) {
        return reservations.reserveAhead(request);
    }

    @DeleteMapping("/{reservationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable @NotBlank @Size(max = 128) String reservationId,
            @RequestParam @NotBlank @Size(max = 128) String userId) {
        reservations.release(reservationId, userId);
    }
}
