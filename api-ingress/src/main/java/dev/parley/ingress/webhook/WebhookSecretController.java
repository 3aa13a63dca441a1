package dev.parley.ingress.webhook;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/me/webhook-secret")
@Tag(name = "Webhooks", description = "Per-request webhooks receive finished answers, signed with your secret")
class WebhookSecretController {

    private final WebhookSecrets secrets;

    WebhookSecretController(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create or rotate my webhook signing secret", description = "The secret is shown only "
            + "in this answer. It replaces any earlier secret at once: every later delivery attempt, retries of "
            + "earlier answers included, is signed with it. Needed before posting a message with a `webhookUrl`.")
    CreatedWebhookSecretResponse create(Authentication user) {
        return secrets.create(user.getName());
    }

    @GetMapping
    @Operation(summary = "Whether I have a webhook signing secret", description = "And when it was created; "
            + "never the secret itself.")
    WebhookSecretResponse get(Authentication user) {
        return secrets.describe(user.getName());
    }
}
