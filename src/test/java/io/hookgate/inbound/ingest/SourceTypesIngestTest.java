package io.hookgate.inbound.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.hookgate.inbound.InboundApi;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.hookgate.support.Signatures;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GitLab tokens, Standard Webhooks (signed by the official library), hmac sources and eventyay rooms. */
@QuarkusTest
class SourceTypesIngestTest {

    @Test
    void gitlabTokenVerifiesAndPushHookIsRoutedAsPush() {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "gitlab");
        String room = ChatEvents.channel();
        InboundApi.route(tenant, source, "mike/diaspora", room, null);
        byte[] body = Ingest.fixture("gitlab/push.json");
        String uuid = UUID.randomUUID().toString();

        Ingest.post(source.path(), Map.of("X-Gitlab-Token", "wrong-token-0123456789abcdef",
                "X-Gitlab-Event", "Push Hook"), body).statusCode(401);
        String id = Ingest.post(source.path(), Map.of("X-Gitlab-Token", source.secret(), "X-Gitlab-Event",
                "Push Hook", "X-Gitlab-Event-UUID", uuid), body).statusCode(202).extract().path("id");

        List<JsonNode> records = Ingest.until("inbound.events", source.id(), "id", id);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("event").asText()).isEqualTo("push");
        assertThat(records.get(0).path("delivery_id").asText()).isEqualTo(uuid);
        assertThat(records.get(0).path("headers").has("x-gitlab-token")).isFalse();
        assertThat(Ingest.until("chat.notifications", room, "source_id", source.id()).get(0).path("text").asText())
                .isEqualTo("jsmith pushed 24 commits to main: \"Fix the README\"");
    }

    @Test
    void standardWebhooksSignedByTheOfficialLibraryVerifyAndStaleTimestampsDoNot() throws Exception {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "standard-webhooks");
        String body = "{\"type\":\"invoice.paid\",\"data\":{\"id\":\"in_1\"}}";
        Webhook sender = new Webhook(source.secret());
        long old = Instant.now().minusSeconds(6 * 60).getEpochSecond();
        String staleId = "msg_" + UUID.randomUUID();

        Ingest.post(source.path(), Map.of("webhook-id", staleId, "webhook-timestamp", Long.toString(old),
                "webhook-signature", sender.sign(staleId, old, body)), body.getBytes(StandardCharsets.UTF_8))
                .statusCode(401);
        long now = Instant.now().getEpochSecond();
        String msgId = "msg_" + UUID.randomUUID();
        String id = Ingest.post(source.path(), Map.of("webhook-id", msgId, "webhook-timestamp", Long.toString(now),
                "webhook-signature", sender.sign(msgId, now, body)), body.getBytes(StandardCharsets.UTF_8))
                .statusCode(202).extract().path("id");

        List<JsonNode> records = Ingest.until("inbound.events", source.id(), "id", id);
        assertThat(records).extracting(r -> r.path("delivery_id").asText()).containsExactly(msgId);
        assertThat(records.get(0).path("event").asText()).isEqualTo("invoice.paid");
    }

    @Test
    void hmacSha512Base64WithACustomHeaderVerifiesAndDedupesByItsDeliveryHeader() {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "hmac", "hmac", Map.of("header", "X-Queue-Signature",
                "algorithm", "sha512", "encoding", "base64", "prefix", "sha512=",
                "delivery_id_header", "X-Queue-Delivery"));
        byte[] body = "plain text job 42".getBytes(StandardCharsets.UTF_8);
        String signature = "sha512=" + Base64.getEncoder().encodeToString(Ingest.mac("HmacSHA512",
                source.secret().getBytes(StandardCharsets.UTF_8), body));
        String delivery = UUID.randomUUID().toString();
        Map<String, String> headers = Map.of("X-Queue-Signature", signature, "X-Queue-Delivery", delivery);

        Ingest.post(source.path(), Map.of("X-Queue-Signature", "sha512=" + Base64.getEncoder()
                .encodeToString(Ingest.mac("HmacSHA256", source.secret().getBytes(StandardCharsets.UTF_8), body))),
                body).statusCode(401);
        String id = Ingest.post(source.path(), headers, body).statusCode(202).extract().path("id");
        Ingest.post(source.path(), headers, body).statusCode(202).body("duplicate", equalTo(true));

        List<JsonNode> records = Ingest.until("inbound.events", source.id(), "id", id);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("payload").asText()).isEqualTo("plain text job 42");
        assertThat(records.get(0).path("headers").path("x-queue-delivery").asText()).isEqualTo(delivery);
    }

    @Test
    void eventyayChallengeIsEchoed() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        InboundApi.Source source = InboundApi.create(tenant, "eventyay", "channels", List.of(room));
        given().queryParam("challenge", "tok_ABC-123").get(source.path()).then().statusCode(200)
                .contentType("application/json").body("challenge", equalTo("tok_ABC-123"));
        given().get(source.path()).then().statusCode(400);
        given().queryParam("challenge", "x").get("/v1/inbound/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void signedEventyayMessageReachesAPushSubscriberWithAValidSignature() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        InboundApi.Source source = InboundApi.create(tenant, "eventyay", "channels", List.of(room));
        try (Receiver receiver = Receiver.ok()) {
            Api.Subscription sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null);
            byte[] body = ChatEvents.text(room, 7, "from eventyay");

            String id = Ingest.post(source.path(), Map.of("X-Eventyay-Signature",
                    Signatures.eventyay(source.secret(), body)), body).statusCode(202).extract().path("id");
            Ingest.post(source.path(), Map.of("X-Eventyay-Signature", Signatures.eventyay(source.secret(), body)),
                    body).statusCode(202).body("duplicate", equalTo(true)).body("id", equalTo(id));

            await().atMost(Ingest.WAIT).until(() -> receiver.requests().size() == 1);
            Receiver.Request delivered = receiver.requests().get(0);
            assertThat(delivered.header("webhook-id")).isEqualTo(id);
            assertThat(delivered.bodyText()).contains("from eventyay");
            Signatures.verifyStandard(sub.secret(), delivered);
        }
    }

    @Test
    void signedEventyayMessageReachesTheRoomsPushAndPullSubscribersWithTheSameIdAndValidSignatures()
            throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        InboundApi.Source source = InboundApi.create(tenant, "eventyay", "channels", List.of(room));
        try (Receiver receiver = Receiver.ok()) {
            Api.Subscription push = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"),
                    List.of(room), null);
            var pull = given().auth().oauth2(tenant.apiKey()).contentType("application/json")
                    .body(Map.of("mode", "pull", "event_types", List.of("chat.message"), "channels", List.of(room)))
                    .post("/v1/subscriptions").then().statusCode(201).extract().jsonPath();
            byte[] body = ChatEvents.text(room, 8, "to push and pull");

            String id = Ingest.post(source.path(), Map.of("X-Eventyay-Signature",
                    Signatures.eventyay(source.secret(), body)), body).statusCode(202).extract().path("id");

            await().atMost(Ingest.WAIT).until(() -> receiver.requests().size() == 1);
            Signatures.verifyStandard(push.secret(), receiver.requests().get(0));
            String messages = "/v1/subscriptions/" + pull.getString("id") + "/messages";
            var page = given().auth().oauth2(tenant.apiKey()).queryParam("wait", 20).get(messages).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(page.getList("data")).hasSize(1);
            assertThat(page.getString("data[0].webhook_id")).isEqualTo(id)
                    .isEqualTo(receiver.requests().get(0).header("webhook-id"));
            assertThat(page.getString("data[0].body")).contains("to push and pull");
            new Webhook(pull.getString("secret")).verify(page.getString("data[0].body"), Map.of(
                    "webhook-id", List.of(page.getString("data[0].webhook_id")),
                    "webhook-timestamp", List.of(page.getString("data[0].webhook_timestamp")),
                    "webhook-signature", List.of(page.getString("data[0].webhook_signature"))));
        }
    }

    @Test
    void eventyayChannelOutsideTheSourceIs403AndInvalidEventIs422AndNothingIsProduced() throws Exception {
        String room = ChatEvents.channel();
        String other = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room, other);
        InboundApi.Source source = InboundApi.create(tenant, "eventyay", "channels", List.of(room));
        byte[] elsewhere = ChatEvents.text(other, 1, "not here");
        Ingest.post(source.path(), Map.of("X-Eventyay-Signature", Signatures.eventyay(source.secret(), elsewhere)),
                elsewhere).statusCode(403);
        byte[] invalid = ("{\"channel\":\"" + other + "\"}").getBytes(StandardCharsets.UTF_8);
        Ingest.post(source.path(), Map.of("X-Eventyay-Signature", Signatures.eventyay(source.secret(), invalid)),
                invalid).statusCode(422);
        Ingest.post(source.path(), Map.of("X-Eventyay-Signature", "sha256=00"), elsewhere).statusCode(401);

        byte[] marker = ChatEvents.text(other, 2, "marker");
        Kafka.send(Kafka.producer(), "chat.events", other, marker);
        var onOther = Ingest.byKey("chat.events", other, rs -> rs.stream()
                .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("marker")));
        assertThat(onOther).hasSize(1);
    }
}
