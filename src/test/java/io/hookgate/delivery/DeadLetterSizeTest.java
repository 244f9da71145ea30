package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * A dead letter of a near-1 MiB event whose text is all quotes: {@code payload} escapes every quote again, so the
 * record is about twice the event (issue 12, item 4). It must reach webhook.deliveries.dlq, and the dead letters
 * failing beside it must each be published exactly once.
 */
@QuarkusTest
class DeadLetterSizeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "webhook.deliveries.dlq";

    @Test
    void aQuoteDenseNearOneMebibyteDeadLetterIsPublishedAndNoneBesideItTwice() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver failing = Receiver.start(n -> Receiver.status(500));
                KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            String sub = Api.subscribe(tenant, failing.url("/hook"), List.of("chat.message"), List.of(room), null).id();
            byte[] big = quoteDense(room);
            assertThat(big.length).isBetween(1_000_000, 1024 * 1024);

            Kafka.send(producer, "chat.events", room, big);
            // 3 deliveries x 3 attempts stay under the breaker's 10 requests, so none is postponed
            for (int i = 1; i <= 2; i++) {
                Kafka.send(producer, "chat.events", room, ChatEvents.text(room, "small-" + i, "fails too"));
            }

            try (Kafka.Tail dlq = Kafka.tail(TOPIC)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> letters(dlq, sub).size() >= 3);
                JsonNode bigLetter = letters(dlq, sub).stream()
                        .filter(l -> l.get("payload").asText().contains("x_quotes")).findFirst().orElseThrow();
                assertThat(bigLetter.get("payload").asText().getBytes(StandardCharsets.UTF_8).length)
                        .isGreaterThan(big.length);
                assertThat(bigLetter.get("attempts").asInt()).isEqualTo(3);
                // several relay rounds later, still one record per dead delivery
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                        .untilAsserted(() -> assertThat(countsByDelivery(letters(dlq, sub))).hasSize(3)
                                .allSatisfy((delivery, count) -> assertThat(count).as(delivery).isEqualTo(1L)));
            }
        }
    }

    private static List<JsonNode> letters(Kafka.Tail dlq, String subscription) {
        return mine(dlq.read(), subscription).stream().map(r -> parse(r.value())).toList();
    }

    private static List<ConsumerRecord<byte[], byte[]>> mine(List<ConsumerRecord<byte[], byte[]>> read, String sub) {
        return read.stream().filter(r -> r.key() != null && sub.equals(new String(r.key()))).toList();
    }

    private static Map<String, Long> countsByDelivery(List<JsonNode> letters) {
        return letters.stream().collect(Collectors.groupingBy(l -> l.get("delivery_id").asText(),
                Collectors.counting()));
    }

    private static JsonNode parse(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid chat event just under 1 MiB whose unknown field is nothing but escaped quotes. */
    private static byte[] quoteDense(String room) {
        String head = "{\"message_id\":\"big\",\"channel\":\"" + room + "\",\"timestamp\":\"" + Instant.now()
                + "\",\"message_type\":\"text\",\"message\":\"q\",\"x_quotes\":\"";
        int pairs = (1024 * 1024 - head.length() - 16) / 2;
        return (head + "\\\"".repeat(pairs) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
