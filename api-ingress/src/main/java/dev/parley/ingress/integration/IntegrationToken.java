package dev.parley.ingress.integration;

import dev.parley.platform.crypto.Sha256;

/**
 * Checks a presented integration token in constant time: both sides are hashed first, so that neither the
 * comparison nor the lengths reveal how much of a guess was right.
 */
public final class IntegrationToken {

    private final byte[] expected;

    public IntegrationToken(String configured) {
        this.expected = configured == null || configured.isBlank() ? null : Sha256.digest(configured);
    }

    public boolean matches(String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return Sha256.equal(expected, Sha256.digest(presented));
    }

    @Override
    public String toString() {
        return "IntegrationToken[<hidden>]";
    }
}
