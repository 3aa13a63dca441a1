package dev.parley.platform.outbound;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowedNetworks CIDR blocks that user- or admin-supplied URLs may reach although they are internal
 *        (e.g. {@code 127.0.0.0/8} for a model server on the same machine); empty in production
 */
@ConfigurationProperties("parley.outbound")
public record OutboundProperties(@DefaultValue List<String> allowedNetworks) {
}
