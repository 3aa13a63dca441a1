/**
 * Publishes one {@code UsageRecorded} per provider call on {@code usage.recorded}, with the provider's usage or an
 * estimate marked as such.
 */
package dev.parley.worker.usage;
