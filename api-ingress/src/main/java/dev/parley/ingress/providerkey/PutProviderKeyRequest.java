package dev.parley.ingress.providerkey;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** @param apiKey the provider's secret as the provider issued it: printable ASCII, no spaces */
record PutProviderKeyRequest(
        @NotNull @Size(min = 8, max = 512) @Pattern(regexp = "[\\x21-\\x7E]*",
                message = "must be printable ASCII without spaces") String apiKey) {

    @Override
    public String toString() {
        // a request record must never print its secret, e.g. in a debug log
        return "PutProviderKeyRequest[apiKey=…]";
    }
}
