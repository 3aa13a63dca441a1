/**
 * Answers as Server-Sent Events: the stream endpoint of a stored answer (resume with Last-Event-ID), SSE in a
 * format of another feature's own ({@code AnswerStreams}, used by the OpenAI-compatible edge) and waiting for an
 * answer's terminal event; each SSE stream holds one of its user's open-stream slots.
 */
package dev.parley.ingress.sse;
