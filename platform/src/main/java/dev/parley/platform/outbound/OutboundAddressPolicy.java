package dev.parley.platform.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * Decides whether Parley may connect to an address that a user or an admin supplied (a provider's base URL, a
 * webhook): never to loopback, private, link-local, cloud-metadata or other special-purpose addresses, unless an
 * operator allowed the network. URLs from the operator's own configuration are trusted and not checked. The check
 * runs on resolved addresses, so a public name that resolves to a private address is refused too; callers check
 * when a URL is saved and again when it is used, because DNS answers change.
 */
public final class OutboundAddressPolicy {

    // IANA special-purpose registries (RFC 6890 and successors) plus everything that is not globally routed
    private static final List<IPAddress> BLOCKED = parse(List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "::ffff:0:0/96", "::/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64",
            "2001::/23", "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"));

    private final List<IPAddress> allowed;

    /** @param allowedNetworks CIDR blocks (or single addresses) the operator allows despite the rules above */
    public OutboundAddressPolicy(List<String> allowedNetworks) {
        this.allowed = parse(allowedNetworks);
    }

    /** Nothing special allowed: the production default. */
    public static OutboundAddressPolicy strict() {
        return new OutboundAddressPolicy(List.of());
    }

    public boolean permits(InetAddress address) {
        IPAddress ip = new IPAddressString(address.getHostAddress()).getAddress();
        if (ip == null) {
            return false;
        }
        if (allowed.stream().anyMatch(network -> network.contains(ip))) {
            return true;
        }
        return BLOCKED.stream().noneMatch(network -> network.contains(ip));
    }

    /**
     * Checks a URL as it would be used now: http or https, a host, and every address the host resolves to
     * permitted (a name with one private address among public ones is refused as a whole).
     *
     * @throws OutboundAddressException with a reason fit to show the person who supplied the URL
     */
    public void check(URI url) {
        String host = host(url);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new OutboundAddressException("The host '" + host + "' does not resolve");
        }
        Arrays.stream(addresses).filter(address -> !permits(address)).findFirst().ifPresent(address -> {
            throw new OutboundAddressException("The host '" + host + "' resolves to " + address.getHostAddress()
                    + ", a loopback, private, link-local or otherwise internal address that may not be called");
        });
    }

    /** The URL's host after the checks that need no DNS: scheme, host present, no user info. */
    public static String host(URI url) {
        if (url == null || url.getScheme() == null) {
            throw new OutboundAddressException("The URL must be absolute");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundAddressException("The URL must use http or https");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new OutboundAddressException("The URL has no host");
        }
        if (url.getRawUserInfo() != null) {
            throw new OutboundAddressException("The URL may not carry credentials");
        }
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static List<IPAddress> parse(List<String> networks) {
        return networks.stream().filter(network -> !network.isBlank()).map(network -> {
            IPAddress address = new IPAddressString(network.strip()).getAddress();
            if (address == null) {
                throw new IllegalArgumentException("Not an IP network: '" + network + "'");
            }
            return address.toPrefixBlock();
        }).toList();
    }
}
