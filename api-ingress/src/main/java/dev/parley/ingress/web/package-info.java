/**
 * The HTTP error vocabulary: RFC 9457 problems with stable types, OpenAI-style errors on {@code /v1}, the error
 * controller.
 */
package dev.parley.ingress.web;
