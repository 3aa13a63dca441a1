package dev.parley.platform.outbound;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spellings attackers use to smuggle an internal address past a URL check. Each is refused because the policy
 * judges the addresses the name resolves to (as the HTTP client will connect to them), never the text.
 */
class SsrfAddressFormsTest {

    private final OutboundAddressPolicy strict = OutboundAddressPolicy.strict();

    @ParameterizedTest
    @ValueSource(strings = {
        "http://2130706433/",                       // 127.0.0.1 as one decimal number
        "http://127.1/",                            // short dotted form
        "http://127.0.1/",
        "http://0/",                                // 0.0.0.0: this host
        "http://0.0.0.0:8080/",
        "http://localhost./",                       // trailing dot
        "http://LOCALHOST/",
        "http://[::1]/",
        "http://[::]/",
        "http://[::ffff:127.0.0.1]/",               // IPv4-mapped IPv6
        "http://[::ffff:7f00:1]/",
        "http://[0:0:0:0:0:ffff:a9fe:a9fe]/",       // 169.254.169.254, mapped
        "http://[64:ff9b::a9fe:a9fe]/",             // NAT64 of the metadata address
        "http://[fe80::1]/",
        "http://169.254.169.254/latest/meta-data/", // cloud metadata
        "http://2852039166/",                       // 169.254.169.254 as one number
        "http://10.0.0.1/",
        "http://192.168.0.1/",
        "http://172.16.0.1/",
        "http://100.64.0.1/",                       // carrier-grade NAT
        "http://93.184.216.34@127.0.0.1/",          // user info that looks like the host
        "http://user:pass@example.com/",
        "ftp://93.184.216.34/",                     // other schemes
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_",
        "http:///no-host",
        "//93.184.216.34/relative"})
    void refusesEverySpellingOfAnInternalAddress(String url) {
        assertThatThrownBy(() -> strict.check(URI.create(url))).isInstanceOf(OutboundAddressException.class);
    }
}
