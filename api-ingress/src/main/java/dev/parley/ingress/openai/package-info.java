/**
 * The OpenAI-compatible edge: {@code /v1/chat/completions} (streaming and not) and {@code /v1/models},
 * stateless.
 */
package dev.parley.ingress.openai;
