package io.hookgate.delivery.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** Another tenant's deliveries and subscriptions do not exist for a tenant key; the admin reaches them all. */
@QuarkusTest
class DeliveryLogTenancyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void tenantCannotListRecoverPingGetOrRedeliverAnotherTenantsDeliveries() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant owner = Api.tenant(room);
        Api.Tenant intruder = Api.tenant("*");
        try (Receiver receiver = Receiver.ok()) {
            String sub = deliverOne(owner, room, receiver);
            String delivery = (String) Api.deliveries(owner, sub).get(0).get("id");
            String subPath = "/v1/subscriptions/" + sub;

            notFound(as(intruder.apiKey()).get(subPath + "/deliveries"));
            notFound(as(intruder.apiKey()).get(subPath + "/deliveries?status=failed&limit=5"));
            notFound(as(intruder.apiKey()).body(window()).post(subPath + "/recover"));
            notFound(as(intruder.apiKey()).post(subPath + "/ping"));
            notFound(as(intruder.apiKey()).get("/v1/deliveries/" + delivery));
            notFound(as(intruder.apiKey()).post("/v1/deliveries/" + delivery + "/redeliver"));

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.requests().size() == 1);
            Map<String, Object> unchanged = Api.deliveries(owner, sub).get(0);
            assertThat(Api.deliveries(owner, sub)).hasSize(1);
            assertThat(unchanged.get("status")).isEqualTo("delivered");
            assertThat(unchanged.get("attempts")).isEqualTo(1);
        }
    }

    @Test
    void adminListsGetsRedeliversRecoversAndPingsAnyTenantsSubscription() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant owner = Api.tenant(room);
        try (Receiver receiver = Receiver.ok()) {
            String sub = deliverOne(owner, room, receiver);
            String delivery = (String) Api.deliveries(owner, sub).get(0).get("id");
            String subPath = "/v1/subscriptions/" + sub;

            as(Api.ADMIN_KEY).get(subPath + "/deliveries").then().statusCode(200)
                    .body("data.id", hasItem(delivery));
            as(Api.ADMIN_KEY).get("/v1/deliveries/" + delivery).then().statusCode(200)
                    .body("id", equalTo(delivery)).body("attempts.size()", equalTo(1));
            as(Api.ADMIN_KEY).post("/v1/deliveries/" + delivery + "/redeliver").then().statusCode(202);
            as(Api.ADMIN_KEY).body(window()).post(subPath + "/recover").then().statusCode(202)
                    .body("requeued", equalTo(0));
            as(Api.ADMIN_KEY).post(subPath + "/ping").then().statusCode(202);

            await().atMost(WAIT).until(() -> receiver.requests().size() == 3);
            assertThat(receiver.requests()).extracting(r -> r.header("webhook-id"))
                    .filteredOn(id -> id.startsWith("evt_ping_")).hasSize(1);
            assertThat(Api.deliveries(owner, sub)).hasSize(2);
        }
    }

    private static String deliverOne(Api.Tenant owner, String room, Receiver receiver) throws Exception {
        String sub = Api.subscribe(owner, receiver.url("/hook"), List.of("chat.message"), null, null).id();
        try (KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 1, "private"));
        }
        await().atMost(WAIT).until(() -> receiver.requests().size() == 1 && !Api.deliveries(owner, sub).isEmpty()
                && "delivered".equals(Api.deliveries(owner, sub).get(0).get("status")));
        return sub;
    }

    private static Map<String, String> window() {
        return Map.of("since", Instant.now().minusSeconds(3600).toString());
    }

    private static RequestSpecification as(String key) {
        return given().auth().oauth2(key).contentType(ContentType.JSON);
    }

    private static void notFound(io.restassured.response.Response response) {
        response.then().statusCode(404).contentType("application/problem+json").body("type", endsWith("/not-found"));
    }
}
