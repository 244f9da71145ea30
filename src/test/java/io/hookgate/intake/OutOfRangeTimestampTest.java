package io.hookgate.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * A timestamp PostgreSQL cannot store (issue 12, item 1): the API refuses it, and on the topic it is dead-lettered
 * instead of holding up the partition, so the events produced after it on the same channel are delivered.
 */
@QuarkusTest
class OutOfRangeTimestampTest {

    private static final String BEYOND_POSTGRES = "+294277-01-02T00:00:00Z";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theApiAnswers422ForATimestampTheStoreCannotHold() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);

        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(event(room, 1, BEYOND_POSTGRES))
                .post("/v1/events")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(equalTo("timestamp")));
    }

    @Test
    void onTheTopicItIsDeadLetteredAndTheEventsBehindItAreDelivered() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), List.of(room), null);

            Kafka.send(producer, "chat.events", room, utf8(event(room, "far-future", BEYOND_POSTGRES)));
            for (int i = 1; i <= 3; i++) {
                Kafka.send(producer, "chat.events", room, ChatEvents.text(room, "behind-" + i, "after the bad one"));
            }

            await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.requests()).hasSize(3));
            List<ConsumerRecord<byte[], byte[]>> dlq = Kafka.readUntil("chat.events.dlq",
                    read -> !mine(read, room).isEmpty(), WAIT);
            assertThat(mine(dlq, room)).singleElement().satisfies(r -> {
                assertThat(Kafka.headers(r)).containsEntry("hookgate-error", "invalid_value");
                assertThat(Kafka.headers(r).get("hookgate-error-detail")).contains("timestamp");
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains(BEYOND_POSTGRES);
            });
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> mine(List<ConsumerRecord<byte[], byte[]>> read, String room) {
        return read.stream().filter(r -> r.key() != null && room.equals(new String(r.key()))).toList();
    }

    private static String event(String room, Object messageId, String timestamp) {
        String id = messageId instanceof Number ? messageId.toString() : "\"" + messageId + "\"";
        return "{\"message_id\":" + id + ",\"channel\":\"" + room + "\",\"timestamp\":\"" + timestamp
                + "\",\"message_type\":\"text\",\"message\":\"from the far future\"}";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
