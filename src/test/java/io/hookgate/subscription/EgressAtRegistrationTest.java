package io.hookgate.subscription;

import static io.hookgate.subscription.TestTenants.as;
import static io.hookgate.subscription.TestTenants.body;
import static io.hookgate.subscription.TestTenants.rowsOf;
import static io.hookgate.subscription.TestTenants.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.hookgate.challenge.ChallengeReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With the loopback allowance of the test profile off, every internal or ambiguous URL is refused at registration. */
@QuarkusTest
@TestProfile(EgressAtRegistrationTest.NoLoopback.class)
class EgressAtRegistrationTest {

    /** Keeps http (so address rules are what refuses) but allows only an unrelated documentation address. */
    public static class NoLoopback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hookgate.egress.allow-http", "true", "hookgate.egress.allow-cidrs", "192.0.2.0/32");
        }
    }

    @Inject
    Pool pool;

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/",
        "http://localhost/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://2130706433/",
        "http://0177.0.0.1/",
        "https://user:pass@127.0.0.1/",
        "ftp://example.com/",
        "file:///etc/passwd",
    })
    void internalOrAmbiguousUrlIsEgressDeniedAndNothingIsStored(String url) {
        var tenant = tenant("*");

        as(tenant).body(body(url)).post("/v1/subscriptions").then()
                .statusCode(422)
                .body("type", endsWith("/egress-denied"))
                .body("detail", matchesPattern("[a-z_]+"))
                .body(not(containsString("pass")));
        assertThat(rowsOf(pool, tenant.id())).isZero();
    }

    @Test
    void loopbackReceiverThatWouldAnswerIsNeverContacted() throws Exception {
        var tenant = tenant("*");
        try (ChallengeReceiver receiver = ChallengeReceiver.jsonEcho()) {
            as(tenant).body(body(receiver.url())).post("/v1/subscriptions").then()
                    .statusCode(422).body("type", endsWith("/egress-denied"));

            assertThat(receiver.requestCount()).isZero();
        }
    }
}
