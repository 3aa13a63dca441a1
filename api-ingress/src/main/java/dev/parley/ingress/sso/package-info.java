/**
 * Trusted outside issuers: a host product's own tokens as bearer tokens, each issuer's pinned decoder, the claim
 * mapping, and the Parley user behind an outside identity, created on first sight.
 */
package dev.parley.ingress.sso;
