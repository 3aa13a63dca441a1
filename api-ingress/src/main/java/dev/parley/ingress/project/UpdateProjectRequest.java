package dev.parley.ingress.project;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Absent fields stay as they are. */
record UpdateProjectRequest(@Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String name, @Size(max = 2000) String description) {
}
