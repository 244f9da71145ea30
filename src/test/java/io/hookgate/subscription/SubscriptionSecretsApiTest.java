package io.hookgate.subscription;

import static io.hookgate.subscription.TestTenants.as;
import static io.hookgate.subscription.TestTenants.body;
import static io.hookgate.subscription.TestTenants.rowsOf;
import static io.hookgate.subscription.TestTenants.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.hookgate.challenge.ChallengeReceiver;
import io.hookgate.signing.WebhookSecret;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Secrets are shown once, stored only sealed, and rotate with an overlap during which both keys sign. */
@QuarkusTest
class SubscriptionSecretsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String RAW_SECRET = "eventyay-shared-secret-0123456789";
    private static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static ChallengeReceiver receiver;

    @Inject
    Pool pool;
    @Inject
    SubscriptionRepository repository;
    @Inject
    SubscriptionSecrets secrets;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = ChallengeReceiver.jsonEcho();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    @Test
    void secretIsShownAtCreationAndNeverAgain() {
        var tenant = tenant("*");
        var created = as(tenant).body(body(receiver.url())).post("/v1/subscriptions").then().statusCode(201)
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");
        assertThat(WebhookSecret.parse(secret).isRaw()).isFalse();

        as(tenant).get("/v1/subscriptions/" + id).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body(not(containsString(secret)));
        as(tenant).get("/v1/subscriptions").then().statusCode(200).body(not(containsString(secret)));
        as(tenant).body(Map.of("description", "renamed")).patch("/v1/subscriptions/" + id).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body(not(containsString(secret)));
    }

    @Test
    void databaseRowsHoldNoPlaintextSecret() {
        var tenant = tenant("*");
        Map<String, Object> request = body(receiver.url());
        request.put("secret", RAW_SECRET);
        String id = as(tenant).body(request).post("/v1/subscriptions").then().statusCode(201)
                .extract().path("id");
        as(tenant).body(Map.of("secret", WHSEC)).post("/v1/subscriptions/" + id + "/rotate-secret").then()
                .statusCode(200);

        Row row = pool.preparedQuery("SELECT secret_ciphertext, previous_ciphertext, t::text AS whole"
                        + " FROM subscriptions t WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).iterator().next();
        for (String plain : List.of(RAW_SECRET, WHSEC)) {
            byte[] needle = plain.getBytes(StandardCharsets.UTF_8);
            assertThat(indexOf(row.getBuffer("secret_ciphertext").getBytes(), needle)).isEqualTo(-1);
            assertThat(indexOf(row.getBuffer("previous_ciphertext").getBytes(), needle)).isEqualTo(-1);
            assertThat(row.getString("whole")).doesNotContain(plain).doesNotContain(plain.substring(6));
        }
    }

    @Test
    void suppliedWhsecAndRawSecretsAreAcceptedAndReturnedOnce() {
        var tenant = tenant("*");
        for (String supplied : List.of(WHSEC, RAW_SECRET)) {
            Map<String, Object> request = body(receiver.url());
            request.put("secret", supplied);
            as(tenant).body(request).post("/v1/subscriptions").then().statusCode(201)
                    .body("secret", equalTo(supplied));
        }
        assertThat(rowsOf(pool, tenant.id())).isEqualTo(2);
    }

    @Test
    void invalidSecretIs422WithoutEchoingIt() {
        var tenant = tenant("*");
        for (String invalid : List.of("too-short-secret-771", "whsec_not*base64*at-all-0123456789",
                "spaces are not allowed in raw 1234")) {
            Map<String, Object> request = body(receiver.url());
            request.put("secret", invalid);
            as(tenant).body(request).post("/v1/subscriptions").then().statusCode(422)
                    .body("errors[0].field", equalTo("secret"))
                    .body(not(containsString(invalid)));
        }
        as(tenant).body(Map.of("secret", "too-short-secret-771"))
                .post("/v1/subscriptions/" + UUID.randomUUID() + "/rotate-secret").then().statusCode(422)
                .body(not(containsString("too-short-secret-771")));
        assertThat(rowsOf(pool, tenant.id())).isZero();
    }

    @Test
    void rotationReturnsANewSecretAndBothKeysSignUntilTheOverlapEnds() {
        var tenant = tenant("*");
        var created = as(tenant).body(body(receiver.url())).post("/v1/subscriptions").then().statusCode(201)
                .extract().jsonPath();
        UUID id = UUID.fromString(created.getString("id"));
        String oldSecret = created.getString("secret");

        var rotated = as(tenant).post("/v1/subscriptions/" + id + "/rotate-secret").then().statusCode(200)
                .extract().jsonPath();
        String newSecret = rotated.getString("secret");
        Instant expires = Instant.parse(rotated.getString("previous_secret_expires_at"));

        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(expires).isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS), within(1, ChronoUnit.MINUTES));
        SubscriptionRow row = repository.find(Scope.tenant(tenant.id()), id).await().atMost(WAIT).orElseThrow();
        assertThat(secrets.signingKeys(row, expires.minusSeconds(1))).extracting(WebhookSecret::text)
                .containsExactly(newSecret, oldSecret);
        assertThat(secrets.signingKeys(row, expires)).extracting(WebhookSecret::text).containsExactly(newSecret);
        as(tenant).get("/v1/subscriptions/" + id).then().body(not(containsString(newSecret)));
    }

    @Test
    void createRejectsUnsubscribableEventTypesUnknownFieldsAndHiddenCharactersBeforeAnyHandshake() {
        var tenant = tenant("*");
        int handshakesBefore = receiver.requestCount();
        Map<String, Object> ping = body(receiver.url());
        ping.put("event_types", List.of("chat.message", "webhook.ping"));
        as(tenant).body(ping).post("/v1/subscriptions").then().statusCode(422)
                .body("errors[0].field", equalTo("event_types"));

        Map<String, Object> empty = body(receiver.url());
        empty.put("event_types", List.of());
        as(tenant).body(empty).post("/v1/subscriptions").then().statusCode(422);

        Map<String, Object> unknown = body(receiver.url());
        unknown.put("retries", 3);
        as(tenant).body(unknown).post("/v1/subscriptions").then().statusCode(400);

        Map<String, Object> bidi = body(receiver.url());
        bidi.put("description", "invoice \u202Etxt.exe");
        as(tenant).body(bidi).post("/v1/subscriptions").then().statusCode(422)
                .body("errors[0].field", equalTo("description"));

        Map<String, Object> format = body(receiver.url());
        format.put("format", "xml");
        as(tenant).body(format).post("/v1/subscriptions").then().statusCode(422)
                .body("errors[0].field", equalTo("format"));
        as(tenant).body(Map.of("url", receiver.url(), "event_types", "chat.message")).post("/v1/subscriptions")
                .then().statusCode(400);
        assertThat(rowsOf(pool, tenant.id())).isZero();
        assertThat(receiver.requestCount()).isEqualTo(handshakesBefore);
    }

    @Test
    void patchAcceptsOnlyItsAllowlistAndNullChannelsMeansAllChannels() {
        var tenant = tenant("room-a");
        Map<String, Object> request = body(receiver.url());
        request.put("channels", List.of("room-a"));
        request.put("format", "eventyay");
        String path = "/v1/subscriptions/" + as(tenant).body(request).post("/v1/subscriptions").then()
                .statusCode(201).body("format", equalTo("eventyay")).extract().path("id");

        as(tenant).body(Map.of("secret", WHSEC)).patch(path).then().statusCode(400);
        as(tenant).body(Map.of("status", "paused")).patch(path).then().statusCode(422);
        as(tenant).body(Map.of("event_types", List.of("chat.reaction"), "format", "standard")).patch(path).then()
                .statusCode(200).body("event_types", equalTo(List.of("chat.reaction")))
                .body("format", equalTo("standard")).body("channels", equalTo(List.of("room-a")));
        as(tenant).body("{\"channels\": null, \"description\": null}").patch(path).then().statusCode(200)
                .body("channels", equalTo(null)).body("description", equalTo(null));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
