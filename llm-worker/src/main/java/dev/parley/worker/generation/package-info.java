/**
 * Produces one answer: the call, its stream, exactly one terminal event, and the usage of every call; request
 * validation and the generation metrics.
 */
package dev.parley.worker.generation;
