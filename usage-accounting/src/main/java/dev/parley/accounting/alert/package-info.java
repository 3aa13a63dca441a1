/**
 * Low-balance alerts: a {@code BalanceThresholdCrossed} event on {@code balance.alerts} when a balance falls
 * through a configured threshold.
 */
package dev.parley.accounting.alert;
