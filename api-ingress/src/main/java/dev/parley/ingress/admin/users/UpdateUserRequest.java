package dev.parley.ingress.admin.users;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Absent fields stay as they are. {@code USER} is always kept among the roles. */
record UpdateUserRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
        @Size(max = 2) List<@NotNull @NotBlank @Pattern(regexp = "USER|ADMIN", message = "must be USER or ADMIN")
                String> roles,
        Boolean disabled) {
}
