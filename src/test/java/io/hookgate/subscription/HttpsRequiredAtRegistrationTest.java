package io.hookgate.subscription;

import static io.hookgate.subscription.TestTenants.as;
import static io.hookgate.subscription.TestTenants.body;
import static io.hookgate.subscription.TestTenants.tenant;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With plain http switched off (as in prod), an http URL is refused even when its address would be allowed. */
@QuarkusTest
@TestProfile(HttpsRequiredAtRegistrationTest.HttpsOnly.class)
class HttpsRequiredAtRegistrationTest {

    public static class HttpsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hookgate.egress.allow-http", "false", "hookgate.egress.allow-cidrs", "127.0.0.0/8");
        }
    }

    @Test
    void httpUrlIsEgressDeniedWhenHttpsIsRequired() {
        as(tenant("*")).body(body("http://127.0.0.1:9/hook")).post("/v1/subscriptions").then()
                .statusCode(422)
                .body("type", endsWith("/egress-denied"))
                .body("detail", equalTo("scheme_not_allowed"));
    }
}
