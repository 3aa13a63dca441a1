/**
 * Messages as stored: their documents ({@code messages}), the conversation's tree and branch reads
 * ({@code MessageQueries}, {@code MessageTree}), writing a new exchange or note ({@code Exchanges}), the final state of
 * answers ({@code MessageOutcomes}), and the read endpoints (list, poll). Accepting new messages is the
 * {@code submission} feature's.
 */
package dev.parley.ingress.message;
