package io.hookgate.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;

/** Send-to-arrival latencies of a healthy subscription, for comparisons against a baseline from the same test. */
public final class Latencies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Latencies() {
    }

    /**
     * Sends {@code count} events one by one to {@code room} (message ids {@code offset..}) and returns the time from
     * each send to its arrival at {@code path} of the receiver.
     */
    public static List<Duration> measure(KafkaProducer<byte[], byte[]> producer, Receiver receiver, String path,
            String room, int offset, int count) throws Exception {
        int before = receiver.requests(path).size();
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(Instant.now());
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, offset + i, "m"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests(path).size() >= before + count);
        List<Duration> out = new ArrayList<>();
        for (Receiver.Request r : receiver.requests(path).subList(before, before + count)) {
            int id = JSON.readTree(r.body()).get("data").get("message_id").asInt();
            out.add(Duration.between(sent.get(id - offset), r.arrivedAt()));
        }
        return out;
    }

    public static Duration p99(List<Duration> values) {
        List<Duration> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }
}
