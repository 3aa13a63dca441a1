/**
 * Personal API keys: created once and shown once, stored hashed, accepted wherever a bearer token is,
 * revocable, their last use recorded.
 */
package dev.parley.ingress.apikey;
