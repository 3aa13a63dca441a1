package dev.parley.accounting.reservation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.Reservation;
import dev.parley.accounting.config.AccountingProperties;
import dev.parley.accounting.grant.RefillService;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.accounting.ledger.LedgerTokens;
import dev.parley.accounting.ledger.LedgerType;
import dev.parley.accounting.price.Costs;
import dev.parley.accounting.price.PriceBook;
import dev.parley.accounting.price.PricesUnavailableException;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

import dev.parley.contracts.accounting.AdvanceReservationRequest;
import dev.parley.contracts.accounting.AdvanceReservationResponse;
import dev.parley.contracts.accounting.ReservationRequest;
import dev.parley.contracts.accounting.ReservationResponse;

/**
 * Admission: a request is reserved at its worst-case cost before api-ingress publishes it, and refused when the
 * paying account's available credits cannot cover that. Its usage settles the reservation (see the usage
 * package); a reservation that is never settled is released when it expires.
 */
@Service
class ReservationService {

    static final String RELEASE_PREFIX = "release:";

    private final AccountRepository accounts;
    private final ReservationStore store;
    private final LedgerRepository ledger;
    private final PriceBook prices;
    private final AccountingProperties properties;
    private final RefillService refills;
    private final Clock clock;

    ReservationService(AccountRepository accounts, ReservationStore store, LedgerRepository ledger, PriceBook prices,
            AccountingProperties properties, RefillService refills, Clock clock) {
        this.accounts = accounts;
        this.store = store;
        this.ledger = ledger;
        this.prices = prices;
        this.properties = properties;
        this.refills = refills;
        this.clock = clock;
    }

    ReservationResponse reserve(ReservationRequest request) {
        Instant now = clock.instant();
        var reservation = new Reservation(request.reservationId(), request.userId(), request.model(),
                worstCase(request), now, now.plus(properties.reservationTtl()));
        ReservationLimits limits = new ReservationLimits(properties.maxActiveReservations(), request.maxConcurrent());
        // one update in the usual case; a first request, an organisation member, a retry or a refusal read first
        return store.holdOnOwnAccount(reservation, limits).map(held -> response(held, reservation))
                .orElseGet(() -> reserveOnPayer(reservation, limits));
    }

    private ReservationResponse reserveOnPayer(Reservation reservation, ReservationLimits limits) {
        Account payer = payerOf(accounts.open(reservation.userId()));
        String payerId = payer.userId();
        Optional<Reservation> existing = payer.reservation(reservation.reservationId());
        if (existing.isPresent()) {
            return response(payer, existing.get());
        }
        Optional<Account> held = store.hold(payerId, reservation, limits);
        if (held.isPresent()) {
            return response(held.get(), reservation);
        }
        Account current = accounts.open(payerId);
        Optional<Reservation> retried = current.reservation(reservation.reservationId());
        if (retried.isPresent()) {
            return response(current, retried.get());
        }
        if (refills.refillIfDepleted(current, reservation.amount())) {
            // the payer had run out and its refill on depletion just arrived: try once more
            Optional<Account> refilled = store.hold(payerId, reservation, limits);
            if (refilled.isPresent()) {
                return response(refilled.get(), reservation);
            }
            current = accounts.open(payerId);
        }
        if (hasRoom(current, reservation, limits)) {
            // a count was full when the hold was written and another request freed it before the read: once more
            Optional<Account> freed = store.hold(payerId, reservation, limits);
            if (freed.isPresent()) {
                return response(freed.get(), reservation);
            }
            current = accounts.open(payerId);
        }
        throw refusal(current, reservation, limits);
    }

    /**
     * Holds reservations ahead of the requests that will take their ids, all of one size, in one conditional write:
     * all of them or none. Not having them is no error for api-ingress (its requests then reserve one by one, which
     * refuses and refills on depletion as always), so nothing here answers 402 or 429, refills, or holds some of them.
     */
    AdvanceReservationResponse reserveAhead(AdvanceReservationRequest request) {
        List<String> ids = request.reservationIds();
        requireDistinct(ids);
        Instant now = clock.instant();
        long amount = worstCase(request.onOwnKey(), request.model(), request.estimatedInputTokens(),
                request.maxOutputTokens());
        Instant expiresAt = now.plus(properties.reservationTtl());
        ReservationLimits limits = new ReservationLimits(properties.maxActiveReservations(), request.maxConcurrent());
        String userId = request.userId();
        if (limits.perUser() != null && ids.size() > limits.perUser()) {
            // they could never be held together (and HoldGroup refuses to build such a filter)
            return alreadyHeld(payerOf(accounts.open(userId)), userId, ids, amount);
        }
        HoldGroup group = new HoldGroup(ids.stream()
                .map(id -> new Reservation(id, userId, request.model(), amount, now, expiresAt)).toList(),
                Collections.nCopies(ids.size(), limits));
        // one update in the usual case; a first request, an organisation member, a retry or a refusal read first
        Optional<Account> held = store.holdAllOnOwnAccount(userId, group);
        if (held.isPresent()) {
            return new AdvanceReservationResponse(ids, userId, amount, held.get().available(), expiresAt);
        }
        // opens the user's account on first sight; an organisation's account exists while it has members
        String payerId = accounts.open(userId).payerId();
        held = store.holdAll(payerId, group);
        if (held.isPresent()) {
            return new AdvanceReservationResponse(ids, payerId, amount, held.get().available(), expiresAt);
        }
        return alreadyHeld(accounts.open(payerId), userId, ids, amount);
    }

    /** The account that pays the user's requests: theirs, read already, or their organisation's. */
    private Account payerOf(Account user) {
        return user.payerId().equals(user.userId()) ? user : accounts.open(user.payerId());
    }

    /** The same id twice would be held twice by one write: a caller's mistake, refused before anything is held. */
    static void requireDistinct(List<String> reservationIds) {
        Set<String> seen = new HashSet<>();
        for (String id : reservationIds) {
            if (!seen.add(id)) {
                throw new ApiProblem(ProblemKind.BAD_REQUEST, "reservationIds holds " + id + " more than once.");
            }
        }
    }

    /**
     * What a write that held nothing answers, from the payer read after it: the ids it already holds for this user
     * (a retry of a call whose answer was lost) with their amount and expiry, else none. Only those held like the
     * first of them are answered (by one earlier call), so that the amount and expiry are exactly each one's.
     *
     * @param amount what each would have held, answered when none is held
     */
    static AdvanceReservationResponse alreadyHeld(Account payer, String userId, List<String> ids, long amount) {
        List<Reservation> held = ids.stream().map(payer::reservation).flatMap(Optional::stream)
                .filter(reservation -> reservation.userId().equals(userId)).toList();
        if (held.isEmpty()) {
            return new AdvanceReservationResponse(List.of(), payer.userId(), amount, payer.available(), null);
        }
        Reservation first = held.get(0);
        List<String> likeFirst = held.stream().filter(reservation -> reservation.amount() == first.amount()
                && Objects.equals(reservation.expiresAt(), first.expiresAt()))
                .map(Reservation::reservationId).toList();
        return new AdvanceReservationResponse(likeFirst, payer.userId(), first.amount(), payer.available(),
                first.expiresAt());
    }

    /** Gives the credits back when the request was not published; nothing happens when it is gone already. */
    void release(String reservationId, String userId) {
        // two keyed reads that ship one field and one reservation: api-ingress releases after its calls time out,
        // which happens when the account is busiest
        store.payerOf(userId).ifPresent(payerId -> store.held(payerId, reservationId)
                .filter(reservation -> reservation.userId().equals(userId))
                .ifPresent(reservation -> release(payerId, reservation, "API")));
    }

    /** Releases a reservation of this account exactly once (below); the expiry job's entry point. */
    void release(Account account, Reservation reservation, String source) {
        release(account.userId(), reservation, source);
    }

    /**
     * Releases a reservation exactly once and lists it, whatever crashes: a PENDING {@code release:<id>} ledger entry
     * first, then one conditional account update that records that id, then the entry marked APPLIED (or VOID when
     * the reservation was gone, settled by its usage). {@link #finishRelease} completes an entry a crash left PENDING.
     */
    private void release(String accountId, Reservation reservation, String source) {
        Instant now = clock.instant();
        var pending = new LedgerEntry(RELEASE_PREFIX + reservation.reservationId(), LedgerType.RELEASE,
                reservation.userId(), accountId, reservation.reservationId(), null, null, reservation.model(),
                LedgerTokens.NONE, source, null, false, 0, reservation.amount(), LedgerState.PENDING, null, now, now,
                null, null);
        LedgerEntry entry = ledger.insertPending(pending) ? pending : ledger.find(pending.eventId()).orElseThrow();
        if (entry.state() == LedgerState.PENDING) {
            finishRelease(entry);
        }
    }

    /** Applies a PENDING release entry if its reservation is still held, else finds it applied or voids it. */
    void finishRelease(LedgerEntry entry) {
        Instant now = clock.instant();
        var reservation = new Reservation(entry.requestId(), entry.userId(), entry.model(), entry.released(), null,
                null);
        Optional<Account> released = store.release(entry.accountId(), reservation, entry.eventId(), now);
        if (released.isPresent()) {
            ledger.markApplied(entry.eventId(), released.get().balance(), entry.released(), now);
            return;
        }
        Account account = accounts.find(entry.accountId()).orElseThrow();
        if (account.recentCreditIds().contains(entry.eventId())) {
            ledger.markApplied(entry.eventId(), account.balance(), entry.released(), now);
        } else {
            ledger.markVoid(entry.eventId());
        }
    }

    private long worstCase(ReservationRequest request) {
        return worstCase(request.onOwnKey(), request.model(), request.estimatedInputTokens(),
                request.maxOutputTokens());
    }

    private long worstCase(boolean onOwnKey, String model, long estimatedInputTokens, long maxOutputTokens) {
        if (onOwnKey && !properties.debitOwnKeyUsage()) {
            return 0;
        }
        try {
            return Costs.worstCase(prices.priceFor(model).price(), estimatedInputTokens, maxOutputTokens);
        } catch (PricesUnavailableException e) {
            throw new ApiProblem(ProblemKind.UNAVAILABLE, e.getMessage());
        }
    }

    /** Whether the account, as read, could hold the reservation on every count and with its credits. */
    static boolean hasRoom(Account account, Reservation reservation, ReservationLimits limits) {
        return (limits.perUser() == null || account.active(reservation.userId()) < limits.perUser())
                && account.reservations().size() < limits.perAccount() && account.available() >= reservation.amount();
    }

    /**
     * Why a hold was refused, read from the account after the refusal. Another request may have settled in between,
     * so the account can show room on every count; a refusal with the credits there was a count at its limit, never
     * an empty balance (a 402 tells the client to stop until someone adds credits).
     */
    static ApiProblem refusal(Account account, Reservation reservation, ReservationLimits limits) {
        if (limits.perUser() != null && account.active(reservation.userId()) >= limits.perUser()) {
            return new ApiProblem(ProblemKind.TOO_MANY_RESERVATIONS, "You have "
                    + account.active(reservation.userId())
                    + " answers in progress, the most allowed at once; wait for one to finish.");
        }
        if (account.reservations().size() >= limits.perAccount()) {
            return new ApiProblem(ProblemKind.TOO_MANY_RESERVATIONS, "The account has "
                    + account.reservations().size() + " requests in flight; wait for one to finish.");
        }
        if (account.available() >= reservation.amount()) {
            return new ApiProblem(ProblemKind.TOO_MANY_RESERVATIONS,
                    "Too many requests of this account were in flight at once; retry when one has finished.");
        }
        return new ApiProblem(ProblemKind.QUOTA_EXHAUSTED, "This request may cost up to " + reservation.amount()
                + " credits; " + account.available() + " are available.");
    }

    private static ReservationResponse response(Account account, Reservation reservation) {
        return new ReservationResponse(reservation.reservationId(), account.userId(), reservation.amount(),
                account.balance(), account.available(), reservation.expiresAt());
    }
}
