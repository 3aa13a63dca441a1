package dev.parley.ingress.webhook;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.parley.platform.outbound.OutboundAddressPolicy;

/**
 * Where users' webhook URLs may point: its own allow-list ({@code parley.webhook.allowed-networks},
 * {@code PARLEY_WEBHOOK_ALLOWED_NETWORKS}), apart from the one of admins' catalog base URLs
 * ({@code parley.outbound.allowed-networks}). An operator who lets the catalog reach a model server on a private
 * network does not thereby let every user aim webhooks into that network.
 */
@Component
public class WebhookAddressPolicy {

    private final OutboundAddressPolicy policy;

    WebhookAddressPolicy(@Value("${parley.webhook.allowed-networks:}") List<String> allowedNetworks) {
        this.policy = new OutboundAddressPolicy(allowedNetworks);
    }

    OutboundAddressPolicy policy() {
        return policy;
    }
}
