package dev.parley.platform.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Makes an OkHttp client enforce an {@link OutboundAddressPolicy} at connection time, after DNS resolution:
 * the resolver drops refused addresses (so a name that rebinds to an internal address after it was saved is
 * still refused), an interceptor refuses IP literals (OkHttp does not resolve those), and redirects are not
 * followed (a redirect could point anywhere).
 */
public final class GuardedHttp {

    private GuardedHttp() {
    }

    public static OkHttpClient.Builder guard(OkHttpClient.Builder builder, OutboundAddressPolicy policy) {
        return builder.dns(new GuardedDns(policy))
                .addInterceptor(new LiteralAddressCheck(policy))
                .followRedirects(false)
                .followSslRedirects(false);
    }

    /** The refusal carries a plain reason; it is an IOException so that callers treat it as a failed call. */
    public static final class RefusedAddressException extends UnknownHostException {

        RefusedAddressException(String message) {
            super(message);
        }
    }

    private record GuardedDns(OutboundAddressPolicy policy) implements Dns {

        @Override
        public List<InetAddress> lookup(String hostname) throws UnknownHostException {
            List<InetAddress> addresses = Dns.SYSTEM.lookup(hostname);
            if (!addresses.stream().allMatch(policy::permits)) {
                throw new RefusedAddressException("The host '" + hostname
                        + "' resolves to an internal address that may not be called");
            }
            return addresses;
        }
    }

    private record LiteralAddressCheck(OutboundAddressPolicy policy) implements Interceptor {

        @Override
        public Response intercept(Chain chain) throws IOException {
            HttpUrl url = chain.request().url();
            if (isLiteral(url.host()) && !policy.permits(InetAddress.getByName(url.host()))) {
                throw new RefusedAddressException("The address " + url.host() + " may not be called");
            }
            return chain.proceed(chain.request());
        }

        private static boolean isLiteral(String host) {
            return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        }
    }
}
