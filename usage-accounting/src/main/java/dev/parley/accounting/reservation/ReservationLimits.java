package dev.parley.accounting.reservation;

/**
 * How many reservations may be held at once.
 *
 * @param perAccount on one paying account (accounting's own bound)
 * @param perUser of one user, on whichever account pays for them (the caller's limit on answers in progress);
 *        null for none
 */
record ReservationLimits(int perAccount, Integer perUser) {
}
