package dev.parley.ingress.webhook;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.stereotype.Service;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import dev.parley.platform.outbound.OutboundAddressException;
import dev.parley.platform.outbound.OutboundAddressPolicy;

/**
 * Checks a request's webhook URL when it is posted, before anything is reserved, stored or published: the
 * outbound guard (resolved now; the sender checks again at each attempt, since DNS answers change) and a signing
 * secret to sign deliveries with.
 */
@Service
public class WebhookTargets {

    static final String FIELD = "webhookUrl";

    private final OutboundAddressPolicy policy;
    private final WebhookSecrets secrets;

    WebhookTargets(WebhookAddressPolicy policy, WebhookSecrets secrets) {
        this.policy = policy.policy();
        this.secrets = secrets;
    }

    /** @param url the request's webhook URL; null: the request has none, and passes */
    public void require(String userId, String url) {
        if (url == null) {
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiProblem.validation(FIELD, "is not a valid URL");
        }
        try {
            policy.check(uri);
        } catch (OutboundAddressException refused) {
            throw new ApiProblem(ProblemKind.OUTBOUND_ADDRESS_REFUSED, refused.getMessage()).with("field", FIELD);
        }
        if (!secrets.exists(userId)) {
            throw new ApiProblem(ProblemKind.WEBHOOK_SECRET_MISSING, "Deliveries are signed with your webhook "
                    + "secret, and you have none: create one with POST /api/me/webhook-secret first");
        }
    }
}
