package io.hookgate.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.support.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The failure limiter keys on the client address, which comes from X-Forwarded-For only when the TCP peer is a
 * trusted proxy: the test profile trusts 127.0.0.2 (quarkus.http.proxy.trusted-proxies) and nothing else.
 */
@QuarkusTest
class ForwardedClientAddressTest {

    private static final String UNTRUSTED_PEER = "127.0.0.1";
    private static final String TRUSTED_PROXY = "127.0.0.2";

    @TestHTTPResource("/")
    URL server;

    @Inject
    AuthFailureLimiter limiter;

    @BeforeEach
    @AfterEach
    void forgetFailures() {
        limiter.clear();
    }

    @Test
    void forwardedAddressFromAnUntrustedPeerIsIgnored() throws IOException {
        // every failure claims another forwarded address; the limiter still counts them all against the peer
        for (int i = 0; i < 20; i++) {
            assertThat(wrongKey(UNTRUSTED_PEER, "203.0.113." + i)).isEqualTo(401);
        }
        assertThat(wrongKey(UNTRUSTED_PEER, "198.51.100.1")).isEqualTo(429);
        assertThat(wrongKey(UNTRUSTED_PEER, null)).isEqualTo(429);
    }

    @Test
    void forwardedAddressFromATrustedProxyIsTheClient() throws IOException {
        for (int i = 0; i < 20; i++) {
            assertThat(wrongKey(TRUSTED_PROXY, "203.0.113.7")).isEqualTo(401);
        }
        assertThat(wrongKey(TRUSTED_PROXY, "203.0.113.7")).isEqualTo(429);
        // another client behind the same proxy has its own allowance, and so has the proxy itself
        assertThat(wrongKey(TRUSTED_PROXY, "203.0.113.8")).isEqualTo(401);
        assertThat(wrongKey(TRUSTED_PROXY, null)).isEqualTo(401);
        // a valid key of the blocked client still passes the proxy
        assertThat(RawHttp.get(TRUSTED_PROXY, server, "/v1/tenants", Map.of(
                "Authorization", TenantsResourceTest.ADMIN, "X-Forwarded-For", "203.0.113.7"))).isEqualTo(200);
    }

    private int wrongKey(String from, String forwardedFor) throws IOException {
        return RawHttp.get(from, server, "/v1/tenants", forwardedFor == null
                ? Map.of("Authorization", "Bearer wrong")
                : Map.of("Authorization", "Bearer wrong", "X-Forwarded-For", forwardedFor));
    }
}
