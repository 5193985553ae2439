package org.survivorvoice.security;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKeysTest {

    private final ClientKeys keys = new ClientKeys();

    @Test
    void anAddressIsKnownByAKeyedHashThatDoesNotContainIt() {
        String key = keys.address(from(new InetSocketAddress("192.0.2.7", 5000)));
        assertThat(key).isEqualTo(keys.address(from(new InetSocketAddress("192.0.2.7", 6000))))
                .isNotEqualTo(keys.address(from(new InetSocketAddress("192.0.2.8", 5000))))
                .doesNotContain("192").doesNotContain("c0000207");
        assertThat(new ClientKeys().address(from(new InetSocketAddress("192.0.2.7", 5000))))
                .as("another start, another key: nothing survives a restart").isNotEqualTo(key);
    }

    @Test
    void anIpv6ClientIsKnownByItsSlash64Network() {
        assertThat(keys.address(from(new InetSocketAddress("2001:db8:1:2::10", 1))))
                .isEqualTo(keys.address(from(new InetSocketAddress("2001:db8:1:2:ffff::1", 1))))
                .isNotEqualTo(keys.address(from(new InetSocketAddress("2001:db8:1:3::10", 1))));
    }

    @Test
    void aForwardedAddressIsReadAsTheAddressItNamesNeverLookedUp() {
        String direct = keys.address(from(new InetSocketAddress("192.0.2.7", 1)));
        assertThat(keys.address(from(InetSocketAddress.createUnresolved("192.0.2.7", 1)))).isEqualTo(direct);
        assertThat(keys.address(from(InetSocketAddress.createUnresolved("[2001:db8:1:2::10]", 1))))
                .isEqualTo(keys.address(from(new InetSocketAddress("2001:db8:1:2::99", 1))));
        assertThat(ClientKeys.literal("cafe.bad")).as("a name is not resolved").isNull();
        assertThat(ClientKeys.literal("no:such:thing")).isNull();
        assertThat(ClientKeys.literal("999.1.1.1")).as("not an address, and not looked up either").isNull();
        assertThat(ClientKeys.literal("abc")).isNull();
        assertThat(ClientKeys.literal("[::1]")).isNotNull();
        assertThat(ClientKeys.literal("fe80::1%1")).isNotNull();
        assertThat(keys.address(from(InetSocketAddress.createUnresolved("cafe.bad", 1))))
                .isNotEqualTo(keys.address(from(InetSocketAddress.createUnresolved("other.bad", 1))));
    }

    @Test
    void usernamesAreKeyedAsSpringSecurityLooksThemUp() {
        assertThat(keys.username(" Officer ")).isEqualTo(keys.username("officer")).isNotEqualTo(keys.username("officer2"))
                .doesNotContain("officer");
        assertThat(keys.username("officer")).isNotEqualTo(keys.address(from(new InetSocketAddress("192.0.2.7", 1))));
    }

    private static MockServerWebExchange from(InetSocketAddress address) {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/f/feedback").remoteAddress(address));
    }
}
