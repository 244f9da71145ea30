package io.hookgate.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.ChatEvents;
import io.hookgate.support.GatewayProcess;
import io.hookgate.support.Receiver;
import io.hookgate.support.Signatures;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Master-key rotation can retire the old key (issue 12, item 9): after a start with the new key and
 * {@code reseal-on-start}, every stored secret is sealed under the new version, and a gateway that no longer knows
 * the old key still signs for every subscription, rotated secrets included, and still verifies what an inbound
 * source's sender signs with its secret.
 */
class ResealIT {

    private static final String OLD_KEY = "b2xkLW1hc3Rlci1rZXktMDEyMzQ1Njc4OWFiY2RlZjA=";
    private static final String RAW_SECRET = "an-eventyay-style-raw-shared-secret-0123";
    private static final String NEW_KEY = "bmV3LW1hc3Rlci1rZXktMDEyMzQ1Njc4OWFiY2RlZjA=";

    @Test
    void afterRotationAndResealEverySubscriptionSignsWithTheOldKeyRemoved() throws Exception {
        try (GatewayProcess gateway = new GatewayProcess("reseal", Map.of("HOOKGATE_SECRETS_MASTER_KEY", OLD_KEY));
                Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = DeliveryRestartIT.producer()) {
            gateway.start();
            String room = ChatEvents.channel();
            String key = DeliveryRestartIT.createTenant(gateway, room);
            String generated = subscribe(gateway, key, receiver, null).secret();
            String raw = subscribe(gateway, key, receiver, RAW_SECRET).secret();
            Sub rotated = subscribe(gateway, key, receiver, null);
            String rotatedNew = given().baseUri(gateway.baseUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                    .body(Map.of()).post("/v1/subscriptions/" + rotated.id() + "/rotate-secret")
                    .then().statusCode(200).extract().path("secret");
            var source = given().baseUri(gateway.baseUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                    .body(Map.of("type", "github", "name", "acme/reseal")).post("/v1/sources").then().statusCode(201)
                    .extract().jsonPath();
            gateway.stop();

            gateway.env("HOOKGATE_SECRETS_MASTER_KEY", NEW_KEY);
            gateway.env("HOOKGATE_SECRETS_MASTER_KEY_VERSION", "2");
            gateway.env("HOOKGATE_SECRETS_PREVIOUS_MASTER_KEYS__1_", OLD_KEY);
            gateway.env("HOOKGATE_SECRETS_RESEAL_ON_START", "true");
            gateway.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> sealedUnderOlderKeys(gateway) == 0);
            gateway.stop();

            gateway.env("HOOKGATE_SECRETS_PREVIOUS_MASTER_KEYS__1_", null);
            gateway.env("HOOKGATE_SECRETS_RESEAL_ON_START", null);
            gateway.start();
            producer.send(new ProducerRecord<>(gateway.topic("HOOKGATE_TOPICS_EVENTS"), room.getBytes(),
                    ChatEvents.text(room, "after-reseal", "signed under the new master key"))).get();

            byte[] push = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8);
            given().baseUri(gateway.baseUrl()).contentType(ContentType.JSON).headers(Map.of("X-GitHub-Event", "ping",
                    "X-GitHub-Delivery", "reseal-1", "X-Hub-Signature-256",
                    "sha256=" + hmacSha256Hex(source.getString("secret"), push)))
                    .body(push).post("/v1/inbound/" + source.getString("id")).then().statusCode(202);

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests().size() >= 3);
            List<Receiver.Request> deliveries = receiver.requests();
            assertThat(deliveries).hasSize(3);
            // each subscription's secret verifies one delivery; the rotated one's previous secret too (overlap)
            String rawAsStandard = "whsec_" + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
            for (String secret : List.of(generated, rawAsStandard, rotatedNew, rotated.secret())) {
                assertThat(deliveries).as("a delivery verified with %s...", secret.substring(0, 10))
                        .anyMatch(d -> verifies(secret, d));
            }
        }
    }

    private record Sub(String id, String secret) {
    }

    private static Sub subscribe(GatewayProcess gateway, String key, Receiver receiver, String secret) {
        Map<String, Object> body = secret == null
                ? Map.of("url", receiver.url("/hook"), "event_types", List.of("chat.message"))
                : Map.of("url", receiver.url("/hook"), "event_types", List.of("chat.message"), "secret", secret);
        var created = given().baseUri(gateway.baseUrl()).auth().oauth2(key).contentType(ContentType.JSON).body(body)
                .post("/v1/subscriptions").then().statusCode(201).extract().jsonPath();
        return new Sub(created.getString("id"), secret == null ? created.getString("secret") : secret);
    }

    private static boolean verifies(String secret, Receiver.Request delivery) {
        try {
            Signatures.verifyStandard(secret, delivery);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String hmacSha256Hex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static long sealedUnderOlderKeys(GatewayProcess gateway) throws Exception {
        long outdated = 0;
        for (String table : List.of("subscriptions", "inbound_sources")) {
            try (Connection db = DriverManager.getConnection(gateway.databaseEnv().get("QUARKUS_DATASOURCE_JDBC_URL"),
                    System.getenv("QUARKUS_DATASOURCE_USERNAME"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
                    ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM " + table + " WHERE"
                            + " secret_key_version <> 2 OR (previous_ciphertext IS NOT NULL AND previous_key_version <> 2)")) {
                rs.next();
                outdated += rs.getLong(1);
            }
        }
        return outdated;
    }
}
