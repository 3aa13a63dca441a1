package dev.parley.ingress.attachment;

/**
 * One object of the attachment store: its key and its exact size, which a chunked store needs to name its chunks
 * without looking them up.
 */
record StoredObject(String key, long size) {
}
