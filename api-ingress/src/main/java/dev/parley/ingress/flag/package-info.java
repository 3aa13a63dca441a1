/**
 * Flags users raise on answers, and their review.
 */
package dev.parley.ingress.flag;
