package io.hookgate.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.support.GatewayProcess;
import io.hookgate.support.Receiver;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar never runs with a key published in the repository, nor with the dev or test profile, whose
 * settings include a published admin key and loopback egress; loopback egress comes only from explicit settings
 * (deploy/local/run passes them), never from a profile name.
 */
class PackagedJarProfilesIT {

    private static final Duration EXIT_WITHIN = Duration.ofSeconds(45);

    @Test
    void devProfileIsRefusedWithAClearMessage() throws Exception {
        try (GatewayProcess gateway = new GatewayProcess("profile-dev", Map.of("QUARKUS_PROFILE", "dev"))) {
            assertThat(gateway.startExpectingExit(EXIT_WITHIN)).isNotZero();
            assertThat(Files.readString(gateway.log()))
                    .contains("the packaged jar does not run the 'dev' profile");
        }
    }

    @Test
    void publishedAdminKeyIsRefusedInProd() throws Exception {
        Map<String, String> env = Map.of("HOOKGATE_ADMIN_API_KEY", "test-admin-key-0123456789abcdef");
        try (GatewayProcess gateway = new GatewayProcess("published-admin-key", env)) {
            assertThat(gateway.startExpectingExit(EXIT_WITHIN)).isNotZero();
            assertThat(Files.readString(gateway.log()))
                    .contains("HOOKGATE_ADMIN_API_KEY is a key published in the Hookgate repository")
                    .doesNotContain("test-admin-key-0123456789abcdef");
        }
    }

    @Test
    void localProfileAloneAllowsNoLoopbackEgress() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "local");
        // what deploy/local/run passes explicitly, unset: the profile itself must allow nothing
        env.put("HOOKGATE_EGRESS_ALLOW_HTTP", null);
        env.put("HOOKGATE_EGRESS_ALLOW_CIDRS", null);
        try (GatewayProcess gateway = new GatewayProcess("profile-local", env); Receiver receiver = Receiver.ok()) {
            gateway.start();
            String key = given().baseUri(gateway.baseUrl()).auth().oauth2(GatewayProcess.ADMIN_KEY)
                    .contentType(ContentType.JSON).body(Map.of("name", "local", "channels", List.of("*")))
                    .post("/v1/tenants").then().statusCode(201).extract().path("api_key");
            given().baseUri(gateway.baseUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/hook"), "event_types", List.of("chat.message")))
                    .post("/v1/subscriptions").then().statusCode(422);
            assertThat(receiver.requests()).isEmpty();
        }
    }
}
