/**
 * The narrative usage summary a model writes of a user's usage.
 */
package dev.parley.ingress.summary;
