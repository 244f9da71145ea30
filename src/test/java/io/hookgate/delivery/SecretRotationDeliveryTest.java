package io.hookgate.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.hookgate.support.Signatures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signatures on real deliveries across a secret rotation. The app's Clock is an {@link OffsetClock} that the
 * test moves to either side of the overlap's end; the overlap is 2 minutes so every moved timestamp stays
 * inside the official library's 5-minute tolerance and can still be verified with it.
 */
@QuarkusTest
@TestProfile(SecretRotationDeliveryTest.MovableClock.class)
class SecretRotationDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration OVERLAP = Duration.ofMinutes(2);

    public static class MovableClock implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hookgate.secrets.rotation-overlap", "2m");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(OffsetClock.class);
        }
    }

    @Inject
    OffsetClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void afterRotationBothKeysSignNewestFirstUntilTheOverlapEndsThenOnlyTheNewOne() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.Subscription sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null);
            JsonPath rotated = rotate(tenant, sub.id());
            String next = rotated.getString("secret");
            Instant expires = Instant.parse(rotated.getString("previous_secret_expires_at"));
            assertThat(expires).isCloseTo(Instant.now().plus(OVERLAP), within(30, ChronoUnit.SECONDS));

            Receiver.Request fresh = deliver(producer, receiver, room, 1);
            assertSignedByBoth(fresh, next, sub.secret());

            clock.setTo(expires.minusSeconds(20));
            Receiver.Request late = deliver(producer, receiver, room, 2);
            assertSignedByBoth(late, next, sub.secret());

            clock.setTo(expires.plusSeconds(1));
            Receiver.Request after = deliver(producer, receiver, room, 3);
            assertThat(signatures(after)).containsExactly(expected(next, after));
            Signatures.verifyStandard(next, after);
            assertThatThrownBy(() -> Signatures.verifyStandard(sub.secret(), after))
                    .isInstanceOf(WebhookVerificationException.class);
        }
    }

    @Test
    void eventyaySignatureUsesOnlyTheCurrentSecretDuringTheOverlap() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.Subscription sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null,
                    "eventyay");
            String next = rotate(tenant, sub.id()).getString("secret");

            Receiver.Request request = deliver(producer, receiver, room, 1);

            assertThat(request.header("x-eventyay-signature")).isEqualTo(Signatures.eventyay(next, request.body()))
                    .isNotEqualTo(Signatures.eventyay(sub.secret(), request.body()));
            assertSignedByBoth(request, next, sub.secret());
        }
    }

    @Test
    void suppliedRawAndWhsecSecretsVerifyWithTheOfficialLibrary() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        String raw = "eventyay-shared-secret-" + Long.toHexString(new SecureRandom().nextLong());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String whsec = "whsec_" + Base64.getEncoder().encodeToString(key);
        try (Receiver rawReceiver = Receiver.ok(); Receiver whsecReceiver = Receiver.ok();
                KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            subscribeWithSecret(tenant, rawReceiver.url("/raw"), raw, "eventyay");
            subscribeWithSecret(tenant, whsecReceiver.url("/whsec"), whsec, null);

            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 1, "secret forms"));
            await().atMost(WAIT).until(() -> rawReceiver.requests().size() == 1 && whsecReceiver.requests().size() == 1);

            Receiver.Request fromRaw = rawReceiver.requests().get(0);
            Signatures.verifyStandard("whsec_" + Base64.getEncoder()
                    .encodeToString(raw.getBytes(StandardCharsets.US_ASCII)), fromRaw);
            assertThat(fromRaw.header("x-eventyay-signature")).isEqualTo(Signatures.eventyay(raw, fromRaw.body()));
            Signatures.verifyStandard(whsec, whsecReceiver.requests().get(0));
            assertThat(signatures(whsecReceiver.requests().get(0))).hasSize(1);
        }
    }

    private static void assertSignedByBoth(Receiver.Request request, String next, String previous) throws Exception {
        assertThat(request.header("webhook-signature")).contains(" ").doesNotStartWith(" ").doesNotEndWith(" ");
        assertThat(signatures(request)).containsExactly(expected(next, request), expected(previous, request));
        Signatures.verifyStandard(next, request);
        Signatures.verifyStandard(previous, request);
    }

    private static List<String> signatures(Receiver.Request request) {
        return List.of(request.header("webhook-signature").split(" "));
    }

    private static String expected(String secret, Receiver.Request request) throws Exception {
        return new Webhook(secret).sign(request.header("webhook-id"),
                Long.parseLong(request.header("webhook-timestamp")), request.bodyText());
    }

    private static Receiver.Request deliver(KafkaProducer<byte[], byte[]> producer, Receiver receiver, String room,
            int n) throws Exception {
        Kafka.send(producer, "chat.events", room, ChatEvents.text(room, n, "message " + n));
        await().atMost(WAIT).until(() -> receiver.requests().size() >= n);
        Receiver.Request request = receiver.requests().get(n - 1);
        assertThat(request.bodyText()).contains("\"message " + n + "\"");
        return request;
    }

    private static JsonPath rotate(Api.Tenant tenant, String subscriptionId) {
        return given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .post("/v1/subscriptions/" + subscriptionId + "/rotate-secret")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void subscribeWithSecret(Api.Tenant tenant, String url, String secret, String format) {
        Map<String, Object> request = new HashMap<>();
        request.put("url", url);
        request.put("event_types", List.of("chat.message"));
        request.put("secret", secret);
        if (format != null) {
            request.put("format", format);
        }
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(request)
                .post("/v1/subscriptions").then().statusCode(201);
    }
}
