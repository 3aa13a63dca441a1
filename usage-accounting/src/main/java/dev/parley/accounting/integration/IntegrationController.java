package dev.parley.accounting.integration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Outside systems set a user's quota here with the integration token (not the service token). */
@RestController
class IntegrationController {

    private final QuotaIntegration quotas;

    IntegrationController(QuotaIntegration quotas) {
        this.quotas = quotas;
    }

    @PutMapping("/internal/integrations/quota/{externalId}")
    ResponseEntity<QuotaResponse> setQuota(@PathVariable @NotBlank @Size(max = 256) String externalId,
            @Valid @RequestBody QuotaRequest request) {
        QuotaResponse quota = quotas.setQuota(externalId, request);
        return ResponseEntity.status(quota.created() ? HttpStatus.CREATED : HttpStatus.OK).body(quota);
    }
}
