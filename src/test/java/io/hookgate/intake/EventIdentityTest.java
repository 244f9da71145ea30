package io.hookgate.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * The event id comes from the whole event (issue 12, item 2): eventyay gives a reaction the message_id of the
 * message it reacts to, so an id from (channel, message_id) dropped reactions as duplicates.
 */
@QuarkusTest
class EventIdentityTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aMessageAndTwoReactionsSharingItsMessageIdAreThreeDeliveriesWithThreeIds() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message", "chat.reaction"), List.of(room),
                    "eventyay");
            Instant at = Instant.parse("2026-11-22T10:15:30Z");

            Kafka.send(producer, "chat.events", room, eventyay(room, "text", "u-17", "hello", at));
            Kafka.send(producer, "chat.events", room, eventyay(room, "emoji", "u-18", "", at.plusSeconds(1)));
            Kafka.send(producer, "chat.events", room, eventyay(room, "emoji", "u-19", "", at.plusSeconds(2)));

            await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.requests()).hasSize(3));
            assertThat(receiver.requests()).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates();
            assertThat(receiver.requests()).extracting(Receiver.Request::bodyText)
                    .anySatisfy(body -> assertThat(body).contains("\"sender_id\":\"u-17\"", "\"message\":\"hello\""))
                    .anySatisfy(body -> assertThat(body).contains("\"sender_id\":\"u-18\"", "\"message_type\":\"emoji\""))
                    .anySatisfy(body -> assertThat(body).contains("\"sender_id\":\"u-19\"", "\"message_type\":\"emoji\""));
        }
    }

    @Test
    void theSameRecordConsumedTwiceIsDeliveredOnce() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), List.of(room), null);
            byte[] record = eventyay(room, "text", "u-17", "once", Instant.parse("2026-11-22T10:15:30Z"));
            byte[] marker = eventyay(room, "text", "u-17", "marker", Instant.parse("2026-11-22T10:15:31Z"));

            Kafka.send(producer, "chat.events", room, record);
            Kafka.send(producer, "chat.events", room, record);
            Kafka.send(producer, "chat.events", room, marker);

            // the marker follows both copies on the same partition: once it is in, both copies were consumed
            await().atMost(WAIT).until(() -> receiver.requests().stream()
                    .anyMatch(r -> r.bodyText().contains("\"marker\"")));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(receiver.requests()).hasSize(2));
        }
    }

    /** As eventyay's chat produces it: a reaction repeats the message_id of the message it reacts to. */
    private static byte[] eventyay(String room, String type, String sender, String message, Instant at) {
        String meta = "emoji".equals(type)
                ? "{\"target_message_id\":4711,\"reaction\":\"👍\",\"action\":\"add\",\"reactions\":{\"👍\":[\"" + sender + "\"]}}"
                : "{}";
        return ("{\"message_id\":4711,\"channel\":\"" + room + "\",\"timestamp\":\"" + at + "\",\"message_type\":\""
                + type + "\",\"message\":\"" + message + "\",\"screen_name\":\"" + sender + "\",\"sender_id\":\""
                + sender + "\",\"centralauth_id\":null,\"profile_img\":null,\"user_language\":\"en\",\"meta\":" + meta
                + "}").getBytes(StandardCharsets.UTF_8);
    }
}
