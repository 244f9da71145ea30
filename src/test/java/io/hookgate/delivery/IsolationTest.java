package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** One hanging and one failing endpoint must not slow deliveries to a healthy one. */
@QuarkusTest
class IsolationTest {

    private static final int EVENTS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hangingAndFailingEndpointsDoNotDelayHealthyOnes() throws Exception {
        String healthyRoom = ChatEvents.channel();
        String faultyRoom = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(healthyRoom, faultyRoom);
        try (Receiver healthy = Receiver.ok(); Receiver hanging = Receiver.start(n -> Receiver.hang());
                Receiver failing = Receiver.start(n -> Receiver.status(500));
                KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.subscribe(tenant, healthy.url("/ok"), List.of("chat.message"), List.of(healthyRoom), null);
            List<Duration> baseline = latencies(producer, healthy, healthyRoom, 0);

            Api.subscribe(tenant, hanging.url("/hang"), List.of("chat.message"), List.of(faultyRoom), null);
            Api.subscribe(tenant, failing.url("/fail"), List.of("chat.message"), List.of(faultyRoom), null);
            for (int i = 0; i < 200; i++) {
                Kafka.send(producer, "chat.events", faultyRoom, ChatEvents.text(faultyRoom, i, "load"));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> hanging.requests().size() >= 8);
            List<Duration> underFault = latencies(producer, healthy, healthyRoom, EVENTS);

            Duration p99Base = p99(baseline);
            Duration p99Fault = p99(underFault);
            // generous bound: shared 2-core machine; a stalled dispatcher would show seconds, not this
            assertThat(p99Fault).isLessThanOrEqualTo(p99Base.multipliedBy(3).plusMillis(500));
            // the breaker opens after 10 failures (70 %) and holds the 200 failing deliveries back
            assertThat(failing.requests().size()).isLessThan(50);
        }
    }

    /** Sends EVENTS events one by one and returns record-timestamp-to-arrival latencies. */
    private static List<Duration> latencies(KafkaProducer<byte[], byte[]> producer, Receiver healthy, String room,
            int offset) throws Exception {
        int before = healthy.requests().size();
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            sent.add(Instant.now());
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, offset + i, "m"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> healthy.requests().size() >= before + EVENTS);
        List<Duration> out = new ArrayList<>();
        for (Receiver.Request r : healthy.requests().subList(before, before + EVENTS)) {
            int id = JSON.readTree(r.body()).get("data").get("message_id").asInt();
            out.add(Duration.between(sent.get(id - offset), r.arrivedAt()));
        }
        return out;
    }

    private static Duration p99(List<Duration> values) {
        List<Duration> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }
}
