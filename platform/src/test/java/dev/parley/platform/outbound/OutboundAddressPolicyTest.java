package dev.parley.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OutboundAddressPolicyTest {

    private final OutboundAddressPolicy strict = OutboundAddressPolicy.strict();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::",
            "fe80::1", "fc00::1", "fd00:ec2::254", "::ffff:127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1",
            "ff02::1"})
    void refusesInternalAddresses(String address) throws Exception {
        assertThat(strict.permits(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "172.32.0.1", "2606:4700:4700::1111"})
    void permitsPublicAddresses(String address) throws Exception {
        assertThat(strict.permits(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void anOperatorMayAllowANetwork() throws Exception {
        var policy = new OutboundAddressPolicy(List.of("127.0.0.0/8", "10.20.0.0/16"));

        assertThat(policy.permits(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("10.20.3.4"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("10.21.3.4"))).isFalse();
        assertThat(policy.permits(InetAddress.getByName("169.254.169.254"))).isFalse();
    }

    @Test
    void checksUrlsAfterResolvingTheirHost() {
        assertThatThrownBy(() -> strict.check(URI.create("http://localhost:8080/v1")))
                .isInstanceOf(OutboundAddressException.class).hasMessageContaining("internal address");
        assertThatThrownBy(() -> strict.check(URI.create("http://169.254.169.254/latest/meta-data")))
                .isInstanceOf(OutboundAddressException.class);
        assertThatThrownBy(() -> strict.check(URI.create("http://[::1]:9000/")))
                .isInstanceOf(OutboundAddressException.class);
    }

    @Test
    void refusesUrlsThatAreNotPlainHttp() {
        assertThatThrownBy(() -> strict.check(URI.create("file:///etc/passwd")))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> strict.check(URI.create("/relative"))).hasMessageContaining("absolute");
        assertThatThrownBy(() -> strict.check(URI.create("https://user:secret@93.184.216.34/")))
                .hasMessageContaining("credentials").hasMessageNotContaining("secret");
    }

    @Test
    void anAllowedUrlPasses() {
        new OutboundAddressPolicy(List.of("127.0.0.0/8", "::1")).check(URI.create("http://127.0.0.1:11434/v1"));
        strict.check(URI.create("https://93.184.216.34/v1"));
    }

    @Test
    void aBadAllowListFailsAtStartup() {
        assertThatThrownBy(() -> new OutboundAddressPolicy(List.of("not-a-network")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
