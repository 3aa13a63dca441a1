/**
 * Providers an admin added to api-ingress's catalog at runtime: built from the endpoint their requests carry
 * with the catalog defaults, behind the outbound-address guard.
 */
package dev.parley.worker.catalog;
