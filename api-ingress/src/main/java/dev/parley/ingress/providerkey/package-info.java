/**
 * Users' own provider keys, sealed with the key ring, and which of them a request runs on.
 */
package dev.parley.ingress.providerkey;
