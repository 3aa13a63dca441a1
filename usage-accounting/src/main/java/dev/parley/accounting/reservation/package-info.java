/**
 * Reservations: credits held for a request at admission, released by its usage or when they expire.
 */
package dev.parley.accounting.reservation;
