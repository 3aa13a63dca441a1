/**
 * Service-wide wiring: the accounting settings ({@code parley.accounting}; the price settings are the price
 * feature's), the service-token security, scheduling and the MongoDB indexes.
 */
package dev.parley.accounting.config;
