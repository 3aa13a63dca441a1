package dev.parley.ingress.config;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HostPortHttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.HostPort;
import org.eclipse.jetty.util.StringUtil;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * {@code server.forward-headers-strategy=native} on Jetty, with the trust rules Tomcat's {@code RemoteIpValve} had
 * (Jetty's own {@code ForwardedRequestCustomizer} believes any sender and takes the leftmost X-Forwarded-For entry,
 * which any client can write). Only a connection from an internal proxy ({@link ServerTuning#internalProxies()},
 * by default private, loopback, link-local and CGNAT networks) may set the client's address, scheme, host and port;
 * the client is the rightmost X-Forwarded-For entry that is not itself an internal proxy (the leftmost when all are).
 * X-Forwarded-Proto {@code https} (every entry, when the header lists several) makes the request secure with port 443
 * (any other value: plain, port 80) unless X-Forwarded-Port says otherwise; X-Forwarded-Host names the host (a port in
 * it is ignored). The sign-in throttle and registration limit
 * key by this address.
 */
final class TrustedProxyHeaders implements HttpConfiguration.Customizer {

    /** An address literal: only these are matched, so that a name in a header never causes a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<IpAddressMatcher> internalProxies;

    TrustedProxyHeaders(List<String> internalProxies) {
        this.internalProxies = internalProxies.stream().map(IpAddressMatcher::new).toList();
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (!isInternal(Request.getRemoteAddr(request))) {
            return request;
        }
        HttpFields headers = request.getHeaders();
        String client = clientOf(headers.getCSV("X-Forwarded-For", false));
        List<String> protos = headers.getCSV("X-Forwarded-Proto", false);
        String host = headers.get("X-Forwarded-Host");
        String port = headers.get("X-Forwarded-Port");
        if (client == null && protos.isEmpty() && host == null) {
            return request;
        }
        Boolean secure = protos.isEmpty() ? null : protos.stream().allMatch("https"::equalsIgnoreCase);
        return new Forwarded(request, client, secure, host, port);
    }

    private boolean isInternal(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        return internalProxies.stream().anyMatch(network -> network.matches(address));
    }

    private String clientOf(List<String> chain) {
        String client = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            client = chain.get(i);
            if (!isInternal(client)) {
                break;
            }
        }
        return client;
    }

    private static final class Forwarded extends Request.Wrapper {

        private final ConnectionMetaData connection;
        private final HttpURI uri;
        private final HttpFields headers;

        Forwarded(Request request, String client, Boolean secure, String host, String port) {
            super(request);
            this.connection = new Connection(request.getConnectionMetaData(), client, secure, request);
            this.uri = uriOf(request.getHttpURI(), secure, host, port);
            // Jetty refuses a request whose Host header disagrees with its URI's authority
            this.headers = secure == null && host == null ? request.getHeaders()
                    : HttpFields.build(request.getHeaders()).put(new HostPortHttpField(uri.getHost(), uri.getPort()))
                            .asImmutable();
        }

        private static HttpURI uriOf(HttpURI original, Boolean secure, String host, String port) {
            HttpURI.Mutable uri = HttpURI.build(original);
            if (secure != null) {
                uri.scheme(secure ? "https" : "http").port(portOf(port, secure ? 443 : 80));
            }
            if (host != null) {
                try {
                    uri.host(new HostPort(host.trim()).getHost());
                } catch (IllegalArgumentException e) {
                    // as Tomcat: a malformed host header is ignored
                }
            }
            return uri.asImmutable();
        }

        private static int portOf(String header, int otherwise) {
            try {
                return StringUtil.isBlank(header) ? otherwise : Integer.parseInt(header.trim());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }

        @Override
        public ConnectionMetaData getConnectionMetaData() {
            return connection;
        }

        @Override
        public HttpURI getHttpURI() {
            return uri;
        }

        @Override
        public HttpFields getHeaders() {
            return headers;
        }

        @Override
        public boolean isSecure() {
            return connection.isSecure();
        }
    }

    private static final class Connection extends ConnectionMetaData.Wrapper {

        private final SocketAddress remote;
        private final boolean secure;

        Connection(ConnectionMetaData wrapped, String client, Boolean secure, Request request) {
            super(wrapped);
            SocketAddress original = wrapped.getRemoteSocketAddress();
            this.remote = client == null ? original
                    : InetSocketAddress.createUnresolved(client, Request.getRemotePort(request));
            this.secure = secure == null ? wrapped.isSecure() : secure;
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return remote;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }
    }
}
