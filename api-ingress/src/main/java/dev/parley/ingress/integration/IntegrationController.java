package dev.parley.ingress.integration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** For outside systems, authenticated by the integration token alone (see the integration security chain). */
@RestController
@Tag(name = "Integrations", description = "Outside systems, with `Authorization: Bearer <integration token>`")
class IntegrationController {

    /** What an external id may hold. */
    static final String ID = "[A-Za-z0-9._:@-]+";
    static final String ID_RULE = "may hold letters, digits and . _ : @ -";

    private final QuotaService quotas;

    IntegrationController(QuotaService quotas) {
        this.quotas = quotas;
    }

    @PutMapping("/api/integrations/users/{externalId}/quota")
    @Operation(summary = "Set a user's quota by the outside system's user id", description = "Creates the user "
            + "(without a password) when the external id is new: 201, else 200.")
    ResponseEntity<QuotaResponse> setQuota(
            @PathVariable @Size(max = 128) @Pattern(regexp = ID, message = ID_RULE) String externalId,
            @Valid @RequestBody QuotaRequest request) {
        QuotaResponse quota = quotas.setQuota(externalId, request);
        return ResponseEntity.status(quota.created() ? HttpStatus.CREATED : HttpStatus.OK).body(quota);
    }
}
