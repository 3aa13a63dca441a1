/**
 * Conversations: create, list, rename, soft delete, and the message tree each holds.
 */
package dev.parley.ingress.conversation;
