package dev.parley.worker.intake;

/** Where a request record sits in {@code chat.requests}. */
record RecordPosition(int partition, long offset) {
}
