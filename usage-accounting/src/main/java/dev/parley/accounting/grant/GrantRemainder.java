package dev.parley.accounting.grant;

/**
 * What an expiring grant takes back. Usage is assumed to spend a grant first, from the moment it was applied, so
 * the unspent remainder is the grant minus what was debited since, never below zero and never more than the
 * balance holds: an expiry takes back unused grant credits only, never credits the account had before.
 */
final class GrantRemainder {

    private GrantRemainder() {
    }

    static long of(long granted, long debitedAtGrant, long debitedNow, long balance) {
        long spentSince = Math.max(0, Math.subtractExact(debitedNow, debitedAtGrant));
        long unspent = Math.max(0, granted - Math.min(granted, spentSince));
        return Math.max(0, Math.min(unspent, balance));
    }
}
