package dev.parley.ingress.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Auth")
class AdminBootstrapController {

    /** @param token the operator's PARLEY_ADMIN_TOKEN */
    record BootstrapRequest(@NotBlank @Size(max = 512) String token) {

        @Override
        public String toString() {
            return "BootstrapRequest[token=<hidden>]";
        }
    }

    private final AdminBootstrap bootstrap;

    AdminBootstrapController(AdminBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @PostMapping("/api/admin/bootstrap")
    @Operation(summary = "Become the first admin", description = "Any signed-in user who presents the operator's "
            + "bootstrap token (PARLEY_ADMIN_TOKEN; ./parley up prints it) becomes an admin. Each token works once: "
            + "another user presenting it gets a 409; a wrong token is a 403, and guesses are throttled like sign-ins.")
    MeResponse bootstrap(Authentication user, @Valid @RequestBody BootstrapRequest request, HttpServletRequest http) {
        return bootstrap.redeem(user.getName(), request.token(), http.getRemoteAddr());
    }
}
