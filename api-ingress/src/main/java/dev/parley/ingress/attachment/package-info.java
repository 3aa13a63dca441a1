/**
 * Files attached to a conversation: upload (types detected, PDFs and images bounded), storage in MongoDB chunks
 * under a per-user quota, download and delete, and their text and images in the model's context.
 */
package dev.parley.ingress.attachment;
