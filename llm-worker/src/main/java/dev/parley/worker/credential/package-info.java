/**
 * Opens the provider key a request carries, sealed by api-ingress for exactly that request.
 */
package dev.parley.worker.credential;
