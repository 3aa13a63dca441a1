/**
 * Usage reports: per-user, per-model day and month buckets written with each debit, and the report endpoints.
 */
package dev.parley.accounting.report;
