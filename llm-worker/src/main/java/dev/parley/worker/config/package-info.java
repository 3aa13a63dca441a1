/**
 * The worker's settings ({@code parley.worker}: configured providers and their kinds, streams, limits) and what
 * every feature shares (the clock).
 */
package dev.parley.worker.config;
