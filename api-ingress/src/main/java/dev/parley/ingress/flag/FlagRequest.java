package dev.parley.ingress.flag;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record FlagRequest(
        @NotBlank @Size(max = 500) String reason,
        @Pattern(regexp = "harmful|incorrect|unhelpful|other") String category) {
}
