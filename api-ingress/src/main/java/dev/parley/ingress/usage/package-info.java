/**
 * A user's usage, transactions and report ({@code /api/me/...}), with the storage their attachments take.
 */
package dev.parley.ingress.usage;
