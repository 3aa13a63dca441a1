package dev.parley.ingress.webhook;

/** A delivery's state: PENDING until a receiver accepted it (DELIVERED) or Parley gave up (FAILED). */
enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
