package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.hookgate.support.TestDns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** The egress guard runs at every attempt: a host that starts resolving to a denied address is refused. */
@QuarkusTest
@TestProfile(DeliveryEgressTest.OnlyOneLoopbackAddressAllowed.class)
class DeliveryEgressTest {

    /** 127.0.0.2 plays a public receiver; 127.0.0.1 plays the internal network. */
    public static class OnlyOneLoopbackAddressAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hookgate.egress.allow-cidrs", "127.0.0.2/32");
        }
    }

    @Test
    void hostThatRebindsToADeniedAddressFailsWithEgressDeniedAndTheCanaryIsNeverContacted() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.start("127.0.0.2", 0, n -> Receiver.status(204));
                Receiver canary = Receiver.start("127.0.0.1", receiver.port(), n -> Receiver.status(204));
                KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            TestDns.FAKE.map("rebind.test", "127.0.0.2");
            String url = "http://rebind.test:" + receiver.port() + "/hook";
            Api.Subscription sub = Api.subscribe(tenant, url, List.of("chat.message"), List.of(room), null);
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 1, "first"));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().size() == 1);

            TestDns.FAKE.map("rebind.test", "127.0.0.1");
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 2, "second"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Api.deliveries(tenant, sub.id()).stream()
                    .anyMatch(d -> "egress_denied".equals(d.get("last_error"))));
            assertThat(canary.connections()).isZero();
            assertThat(receiver.requests()).hasSize(1);
        }
    }
}
