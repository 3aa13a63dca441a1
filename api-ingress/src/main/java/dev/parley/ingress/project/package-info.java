/**
 * Projects (agents) and their versioned system prompts.
 */
package dev.parley.ingress.project;
