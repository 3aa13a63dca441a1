package dev.parley.ingress.auth;

import jakarta.validation.constraints.Size;

/** @param displayName the new display name; absent leaves it as it is */
record UpdateProfileRequest(@Size(max = 100) String displayName) {
}
