package io.hookgate.delivery.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.challenge.ChallengeReceiver;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.hookgate.support.Signatures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** The delivery log, redelivery, recovery and ping against real receivers (%test retry schedule 1s,2s). */
@QuarkusTest
class DeliveryLogApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void logListsNewestFirstFiltersByStatusAndPagesWithACursorUntilItIsNull() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            String sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null).id();
            List<String> sent = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                if (i == 4) {
                    receiver.behave(n -> Receiver.status(500));
                }
                Kafka.send(producer, "chat.events", room, ChatEvents.text(room, i, "m" + i));
                int expected = i;
                await().atMost(WAIT).until(() -> Api.deliveries(tenant, sub).size() == expected);
                sent.add(0, eventIdOf(tenant, sub, sent));
            }
            await().atMost(WAIT).until(() -> eventIds(tenant, sub, "status=failed").size() == 2);

            assertThat(eventIds(tenant, sub, "limit=200")).containsExactlyElementsOf(sent);
            assertThat(eventIds(tenant, sub, "status=failed")).containsExactlyElementsOf(sent.subList(0, 2));
            assertThat(eventIds(tenant, sub, "status=delivered")).containsExactlyElementsOf(sent.subList(2, 5));
            assertThat(eventIds(tenant, sub, "status=pending")).isEmpty();
            assertThat(pagedEventIds(tenant, sub, "limit=2")).containsExactlyElementsOf(sent);
            assertThat(pagedEventIds(tenant, sub, "limit=2&status=delivered"))
                    .containsExactlyElementsOf(sent.subList(2, 5));

            String path = "/v1/subscriptions/" + sub + "/deliveries";
            given().auth().oauth2(tenant.apiKey()).get(path + "?status=exploded").then().statusCode(400)
                    .contentType("application/problem+json");
            given().auth().oauth2(tenant.apiKey()).get(path + "?cursor=not-a-cursor").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void detailListsEveryAttemptWithItsResponseExcerptCappedAtOneKibibyte() throws Exception {
        String body = "E".repeat(1000) + "R".repeat(1048);
        AtomicInteger posts = new AtomicInteger();
        try (ChallengeReceiver receiver = ChallengeReceiver.start(r -> {
            if (r.getParam("challenge") != null) {
                ChallengeReceiver.answerJson(r);
            } else if (posts.incrementAndGet() == 1) {
                r.response().setStatusCode(500).putHeader("content-type", "text/plain").end(body);
            } else {
                r.response().setStatusCode(204).end();
            }
        })) {
            String room = ChatEvents.channel();
            Api.Tenant tenant = Api.tenant(room);
            String sub = Api.subscribe(tenant, receiver.url(), List.of("chat.message"), null, null).id();
            produce(room, 1);
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(onlyDelivery(tenant, sub).get("status")).isEqualTo("delivered"));

            JsonPath detail = Api.delivery(tenant, (String) onlyDelivery(tenant, sub).get("id"));
            assertThat(detail.getList("attempts")).hasSize(2);
            assertThat(detail.getInt("attempts[0].n")).isEqualTo(1);
            assertThat(detail.getInt("attempts[0].status_code")).isEqualTo(500);
            assertThat(detail.getString("attempts[0].error")).isEqualTo("status_500");
            assertThat(detail.getInt("attempts[0].latency_ms")).isNotNegative();
            assertThat(detail.getString("attempts[0].response_excerpt")).isEqualTo(body.substring(0, 1024));
            assertThat(detail.getInt("attempts[1].n")).isEqualTo(2);
            assertThat(detail.getInt("attempts[1].status_code")).isEqualTo(204);
            assertThat(detail.getString("attempts[1].error")).isNull();
            Instant first = Instant.parse(detail.getString("attempts[0].at"));
            assertThat(Instant.parse(detail.getString("attempts[1].at"))).isAfter(first);
            assertThat(detail.getString("status")).isEqualTo("delivered");
            assertThat(detail.getString("delivered_at")).isNotNull();
            assertThat(detail.getInt("last_status_code")).isEqualTo(204);
            assertThat(detail.getString("event_type")).isEqualTo("chat.message");
        }
    }

    @Test
    void redeliverSendsADeliveredDeliveryAgainWithTheSameWebhookId() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.ok()) {
            Api.Subscription sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null);
            produce(room, 1);
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(onlyDelivery(tenant, sub.id()).get("status")).isEqualTo("delivered"));
            String id = (String) onlyDelivery(tenant, sub.id()).get("id");

            given().auth().oauth2(tenant.apiKey()).post("/v1/deliveries/" + id + "/redeliver").then().statusCode(202);

            await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
            List<Receiver.Request> got = receiver.requests();
            assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"))
                    .isEqualTo(onlyDelivery(tenant, sub.id()).get("event_id"));
            assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
            Signatures.verifyStandard(sub.secret(), got.get(1));
            await().atMost(WAIT).until(() -> Api.delivery(tenant, id).getList("attempts").size() == 2
                    && "delivered".equals(Api.delivery(tenant, id).getString("status")));
            assertThat(Api.deliveries(tenant, sub.id())).hasSize(1);
        }
    }

    @Test
    void redeliverOfAPendingDeliveryIsAConflict() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver failing = Receiver.start(n -> Receiver.status(500))) {
            String sub = Api.subscribe(tenant, failing.url("/hook"), List.of("chat.message"), null, null).id();
            produce(room, 1);
            await().atMost(WAIT).until(() -> failing.requests().size() == 1);
            Map<String, Object> delivery = onlyDelivery(tenant, sub);
            assertThat(delivery.get("status")).isEqualTo("pending");

            given().auth().oauth2(tenant.apiKey()).post("/v1/deliveries/" + delivery.get("id") + "/redeliver")
                    .then().statusCode(409).contentType("application/problem+json");
        }
    }

    @Test
    void recoverRequeuesOnlyTheFailedDeliveriesCreatedInTheWindow() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Instant start = Instant.now().minusSeconds(60);
        try (Receiver receiver = Receiver.start(n -> Receiver.status(500))) {
            String sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null).id();
            produce(room, 1);
            await().atMost(WAIT).until(() -> Api.deliveries(tenant, sub).size() == 1);
            Instant middle = Instant.now();
            produce(room, 2);
            await().atMost(WAIT).until(() -> eventIds(tenant, sub, "status=failed").size() == 2);
            List<String> failed = eventIds(tenant, sub, "status=failed");
            String older = failed.get(1);
            String newer = failed.get(0);
            receiver.behave(n -> Receiver.status(204));
            int before = receiver.requests().size();

            assertThat(recover(tenant, sub, Map.of("since", start.toString(), "until", middle.toString())))
                    .isEqualTo(1);
            await().atMost(WAIT).until(() -> eventIds(tenant, sub, "status=delivered").equals(List.of(older)));
            assertThat(eventIds(tenant, sub, "status=failed")).containsExactly(newer);
            assertThat(receiver.requests().subList(before, receiver.requests().size()))
                    .extracting(r -> r.header("webhook-id")).containsExactly(older);

            assertThat(recover(tenant, sub, Map.of("since", middle.toString()))).isEqualTo(1);
            await().atMost(WAIT).until(() -> eventIds(tenant, sub, "status=delivered").size() == 2);
            assertThat(recover(tenant, sub, Map.of("since", start.toString()))).isZero();
            given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of())
                    .post("/v1/subscriptions/" + sub + "/recover").then().statusCode(422);
        }
    }

    @Test
    void pingSendsASignedWebhookPingNamingTheSubscription() throws Exception {
        Api.Tenant tenant = Api.tenant(ChatEvents.channel());
        try (Receiver receiver = Receiver.ok()) {
            Api.Subscription sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null);

            String deliveryId = given().auth().oauth2(tenant.apiKey()).post("/v1/subscriptions/" + sub.id() + "/ping")
                    .then().statusCode(202).extract().path("delivery_id");

            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            Receiver.Request ping = receiver.requests().get(0);
            Signatures.verifyStandard(sub.secret(), ping);
            assertThat(ping.bodyText()).startsWith("{\"type\":\"webhook.ping\",")
                    .endsWith(",\"data\":{\"subscription_id\":\"" + sub.id() + "\"}}");
            JsonNode body = JSON.readTree(ping.body());
            assertThat(Instant.parse(body.get("timestamp").asText())).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
            await().atMost(WAIT).until(() -> "delivered".equals(Api.delivery(tenant, deliveryId).getString("status")));
            JsonPath detail = Api.delivery(tenant, deliveryId);
            assertThat(detail.getString("event_type")).isEqualTo("webhook.ping");
            assertThat(detail.getString("event_id")).isEqualTo(ping.header("webhook-id"));
            given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions/" + sub.id() + "/deliveries")
                    .then().statusCode(200).body("data[0].id", equalTo(deliveryId))
                    .body("data[0].event_type", equalTo("webhook.ping"));
        }
    }

    private static void produce(String room, int messageId) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, messageId, "m" + messageId));
        }
    }

    private static Map<String, Object> onlyDelivery(Api.Tenant tenant, String subscriptionId) {
        List<Map<String, Object>> all = Api.deliveries(tenant, subscriptionId);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** The event id of the one delivery not yet in {@code known}. */
    private static String eventIdOf(Api.Tenant tenant, String subscriptionId, List<String> known) {
        return eventIds(tenant, subscriptionId, "limit=200").stream().filter(id -> !known.contains(id))
                .findFirst().orElseThrow();
    }

    private static List<String> eventIds(Api.Tenant tenant, String subscriptionId, String query) {
        return given().auth().oauth2(tenant.apiKey())
                .get("/v1/subscriptions/" + subscriptionId + "/deliveries?" + query)
                .then().statusCode(200).extract().jsonPath().getList("data.event_id", String.class);
    }

    /** Follows next_cursor from the first page until it is null. */
    private static List<String> pagedEventIds(Api.Tenant tenant, String subscriptionId, String query) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(tenant.apiKey());
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/subscriptions/" + subscriptionId + "/deliveries?" + query)
                    .then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("data.event_id", String.class);
            assertThat(ids).hasSizeBetween(1, 2);
            all.addAll(ids);
            cursor = page.getString("next_cursor");
            assertThat(++pages).isLessThan(10);
        } while (cursor != null);
        return all;
    }

    private static int recover(Api.Tenant tenant, String subscriptionId, Map<String, String> window) {
        return given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(window)
                .post("/v1/subscriptions/" + subscriptionId + "/recover")
                .then().statusCode(202).extract().path("requeued");
    }
}
