/**
 * Parley's own accounts and sign-in: registration, login, JWT access tokens and refresh-token families, the
 * profile and password, and the state and administration of accounts.
 */
package dev.parley.ingress.auth;
