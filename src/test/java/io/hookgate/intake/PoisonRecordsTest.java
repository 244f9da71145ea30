package io.hookgate.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PoisonRecordsTest {

    @Test
    void poisonRecordsAreDeadLetteredAndValidEventsAroundThemAreDelivered() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        byte[] huge = new byte[2 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        Map<String, byte[]> poison = Map.of(
                "garbage", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x13},
                "missing", ("{\"channel\": \"" + room + "\", \"message_type\": \"text\"}").getBytes(StandardCharsets.UTF_8),
                "huge", huge);
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.Subscription sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), List.of(room),
                    null);
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 1, "before"));
            for (Map.Entry<String, byte[]> p : poison.entrySet()) {
                Kafka.send(producer, "chat.events", "poison-" + room + "-" + p.getKey(), p.getValue());
            }
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 2, "after"));

            receiver.awaitPosts(2, Duration.ofSeconds(30), () -> "deliveries: " + Api.deliveries(tenant, sub.id()));
            List<ConsumerRecord<byte[], byte[]>> dlq = Kafka.readUntil("chat.events.dlq",
                    read -> mine(read, room).size() >= 3, Duration.ofSeconds(30));
            Map<String, ConsumerRecord<byte[], byte[]>> byKey = mine(dlq, room).stream()
                    .collect(Collectors.toMap(r -> new String(r.key()), r -> r, (a, b) -> a));
            assertThat(byKey).hasSize(3);
            assertThat(Kafka.headers(byKey.get("poison-" + room + "-garbage")).get("hookgate-error")).isEqualTo("not_utf8");
            assertThat(Kafka.headers(byKey.get("poison-" + room + "-missing")).get("hookgate-error")).isEqualTo("missing_field");
            assertThat(Kafka.headers(byKey.get("poison-" + room + "-huge")).get("hookgate-error")).isEqualTo("too_large");
            ConsumerRecord<byte[], byte[]> garbage = byKey.get("poison-" + room + "-garbage");
            assertThat(garbage.value()).isEqualTo(poison.get("garbage"));
            assertThat(Kafka.headers(garbage).keySet()).containsAll(Set.of("hookgate-error-detail",
                    "hookgate-source-topic", "hookgate-source-partition", "hookgate-source-offset"));
        }
    }

    @Test
    void aRecordLargerThanAWholeFetchIsStillReadDeadLetteredAndTheEventsAfterItAreDelivered() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        // over max.partition.fetch.bytes (1 MiB) and fetch.max.bytes (4 MiB) of the chat-events channel
        byte[] overFetch = new byte[5 * 1024 * 1024];
        Arrays.fill(overFetch, (byte) 'x');
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.Subscription sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), List.of(room),
                    null);
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 1, "before"));
            // same key as the events: same partition, so the events after it wait behind it
            Kafka.send(producer, "chat.events", room, overFetch);
            for (int id = 2; id <= 4; id++) {
                Kafka.send(producer, "chat.events", room, ChatEvents.text(room, id, "after"));
            }

            receiver.awaitPosts(4, Duration.ofSeconds(30), () -> "deliveries: " + Api.deliveries(tenant, sub.id()));
            List<ConsumerRecord<byte[], byte[]>> dlq = Kafka.readUntil("chat.events.dlq",
                    read -> read.stream().anyMatch(r -> r.key() != null && new String(r.key()).equals(room)),
                    Duration.ofSeconds(30));
            ConsumerRecord<byte[], byte[]> dead = dlq.stream()
                    .filter(r -> r.key() != null && new String(r.key()).equals(room)).findFirst().orElseThrow();
            assertThat(dead.value()).hasSize(overFetch.length);
            assertThat(Kafka.headers(dead).get("hookgate-error")).isEqualTo("too_large");
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> mine(List<ConsumerRecord<byte[], byte[]>> read, String room) {
        return read.stream().filter(r -> r.key() != null && new String(r.key()).startsWith("poison-" + room)).toList();
    }
}
