/**
 * Messages: their storage and tree (branches), the submission pipeline (admission, context, one
 * {@code ChatRequested} per turn), cancel and regenerate.
 */
package dev.parley.ingress.message;
