package io.hookgate.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.DeliveryRows;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code expire_after}: a delivery whose event is older than that is never attempted again; it fails as expired. */
@QuarkusTest
class ExpireAfterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Test
    void deliveryOlderThanExpireAfterFailsAsExpiredAndIsNeverAttemptedAfterTheWindow() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        double expiredBefore = expiredCount();
        try (Receiver failing = Receiver.start(n -> Receiver.status(500));
                KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            String id = as(tenant).body(create(failing.url("/hook"), "2s")).post("/v1/subscriptions").then()
                    .statusCode(201).body("expire_after", equalTo("2s")).extract().path("id");
            byte[] event = ChatEvents.text(room, 1, "soon stale");
            Instant eventTime = Instant.parse(JSON.readTree(event).get("timestamp").asText());
            Kafka.send(producer, "chat.events", room, event);

            await().atMost(Duration.ofSeconds(15)).until(() ->
                    DeliveryRows.byStatusAndError(pool, id).equals(Map.of("failed/expired", 1L)));
            // the %test schedule (1s, 2s) would retry at about 3 s: after the 2 s window, so never
            Instant expiry = eventTime.plusSeconds(2);
            assertThat(failing.requests()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.arrivedAt()).isBefore(expiry.plusMillis(200)));
            assertThat(DeliveryRows.attemptErrors(pool, id)).isEqualTo(Map.of("status_500", (long) failing.requests().size()));
            List<ConsumerRecord<byte[], byte[]>> dlq = Kafka.readUntil("webhook.deliveries.dlq",
                    read -> read.stream().anyMatch(r -> id.equals(new String(r.key()))), Duration.ofSeconds(15));
            JsonNode letter = JSON.readTree(dlq.stream().filter(r -> id.equals(new String(r.key()))).findFirst()
                    .orElseThrow().value());
            assertThat(letter.get("last_error").asText()).isEqualTo("expired");
            assertThat(expiredCount()).isEqualTo(expiredBefore + 1);
        }
    }

    @ParameterizedTest
    @CsvSource({"5m, 5m", "300s, 5m", "90s, 1m30s", "PT5M, 5m", "pt1h30m, 1h30m", "1h30m, 1h30m", "7d, 7d",
        "P7D, 7d", "1s, 1s", "2 h, 2h", "1D, 1d"})
    void expireAfterAcceptsWhatAUserTypesAndEchoesOneCanonicalForm(String typed, String shown) throws Exception {
        Api.Tenant tenant = Api.tenant(ChatEvents.channel());
        try (Receiver receiver = Receiver.ok()) {
            String id = as(tenant).body(create(receiver.url("/hook"), typed)).post("/v1/subscriptions").then()
                    .statusCode(201).body("expire_after", equalTo(shown)).extract().path("id");
            as(tenant).get("/v1/subscriptions/" + id).then().body("expire_after", equalTo(shown));
            as(tenant).body(Map.of("expire_after", "10m")).patch("/v1/subscriptions/" + id).then().statusCode(200)
                    .body("expire_after", equalTo("10m"));
            Map<String, Object> clear = new HashMap<>();
            clear.put("expire_after", null);
            as(tenant).body(clear).patch("/v1/subscriptions/" + id).then().statusCode(200)
                    .body("expire_after", nullValue());
        }
    }

    @ParameterizedTest
    @CsvSource({"0s", "500ms", "7d1s", "8d", "-5m", "5", "five minutes", "PT0.5S", "''", "5x"})
    void expireAfterOutsideOneSecondToSevenDaysOrUnreadableIs422(String typed) throws Exception {
        Api.Tenant tenant = Api.tenant(ChatEvents.channel());
        try (Receiver receiver = Receiver.ok()) {
            as(tenant).body(create(receiver.url("/hook"), typed)).post("/v1/subscriptions").then().statusCode(422)
                    .body("type", endsWith("/validation-failed")).body("errors[0].field", equalTo("expire_after"));
            String id = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null).id();
            as(tenant).body(Map.of("expire_after", typed)).patch("/v1/subscriptions/" + id).then().statusCode(422)
                    .body("errors[0].field", equalTo("expire_after"));
            as(tenant).body(Map.of("expire_after", 300)).patch("/v1/subscriptions/" + id).then().statusCode(422)
                    .body("errors[0].field", equalTo("expire_after"));
        }
    }

    private static Map<String, Object> create(String url, String expireAfter) {
        return Map.of("url", url, "event_types", List.of("chat.message"), "expire_after", expireAfter);
    }

    private static RequestSpecification as(Api.Tenant tenant) {
        return given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON);
    }

    private double expiredCount() {
        var counter = registry.find("hookgate.deliveries").tag("outcome", "expired").counter();
        return counter == null ? 0 : counter.count();
    }
}
