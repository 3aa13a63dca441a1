/**
 * The provider contract (prompt, deltas, result, usage, errors, cancellation), its implementations (OpenAI-
 * compatible, Anthropic, the built-in mock; in sub-packages), the registry of configured providers, and token counting.
 */
package dev.parley.worker.provider;
