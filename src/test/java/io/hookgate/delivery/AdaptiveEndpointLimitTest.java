package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** The per-endpoint limit adapts: a fast endpoint with a backlog gets more than the floor, a hanging one never. */
@QuarkusTest
@TestProfile(TightCaps.class)
class AdaptiveEndpointLimitTest {

    private static final int EVENTS = 600;

    @Test
    void aFastEndpointWithABacklogRunsAboveTheFloorWhileAHangingOneBesideItHoldsTheFloor() throws Exception {
        String fastRoom = ChatEvents.channel();
        String hangingRoom = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(fastRoom, hangingRoom);
        try (Receiver fast = Receiver.start(n -> Receiver.delayed(204, 20));
                Receiver hanging = Receiver.start(n -> Receiver.hang());
                KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.subscribe(tenant, fast.url("/fast"), List.of("chat.message"), List.of(fastRoom), null);
            Api.subscribe(tenant, hanging.url("/hang"), List.of("chat.message"), List.of(hangingRoom), null);
            for (int i = 0; i < EVENTS; i++) {
                Kafka.send(producer, "chat.events", hangingRoom, ChatEvents.text(hangingRoom, i, "hang"));
                Kafka.send(producer, "chat.events", fastRoom, ChatEvents.text(fastRoom, i, "fast"));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> fast.requests().size() >= EVENTS);

            assertThat(fast.maxOpen()).as("requests the fast endpoint worked on at once")
                    .isGreaterThan(TightCaps.PER_ENDPOINT).isLessThanOrEqualTo(TightCaps.PER_HOST);
            assertThat(hanging.maxHanging()).as("requests the hanging endpoint held at once")
                    .isEqualTo(TightCaps.PER_ENDPOINT);
        }
    }
}
