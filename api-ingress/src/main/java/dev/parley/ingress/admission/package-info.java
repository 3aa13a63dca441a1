/**
 * Admission of a chat request before anything is stored: its token estimate and the credit reservation it
 * holds at usage-accounting.
 */
package dev.parley.ingress.admission;
