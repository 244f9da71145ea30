package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Latencies;
import io.hookgate.support.Receiver;
import io.hookgate.support.TestDns;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** An endpoint is a URL: a hanging URL delays neither another URL of its host nor another Unicode host. */
@QuarkusTest
class EndpointLanesTest {

    private static final int SAMPLES = 40;
    private static final int HANGING_EVENTS = 60;

    @Test
    void hangingUrlDoesNotDelayAnotherUrlOnTheSameHostAndPort() throws Exception {
        String healthyRoom = ChatEvents.channel();
        String hangingRoom = ChatEvents.channel();
        // another tenant's subscription: isolation must hold across tenants too
        Api.Tenant healthyTenant = Api.tenant(healthyRoom);
        Api.Tenant hangingTenant = Api.tenant(hangingRoom);
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            receiver.route("/hang", n -> Receiver.hang()).route("/ok", n -> Receiver.status(204));
            Api.subscribe(healthyTenant, receiver.url("/ok"), List.of("chat.message"), null, null);
            Api.subscribe(hangingTenant, receiver.url("/hang"), List.of("chat.message"), null, null);

            assertHealthyKeepsBaseline(producer, receiver, "/ok", healthyRoom, () -> {
                for (int i = 0; i < HANGING_EVENTS; i++) {
                    Kafka.send(producer, "chat.events", hangingRoom, ChatEvents.text(hangingRoom, i, "h"));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests("/hang").size() >= 8);
            });
        }
    }

    @Test
    void unicodeHostsGetTheirOwnLanesApartFromEachOtherAndFromAsciiHosts() throws Exception {
        String healthyRoom = ChatEvents.channel();
        String hangingRoom = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(healthyRoom, hangingRoom);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String hangingHost = "hängt-" + run + ".test";
        String healthyHost = "bücher-" + run + ".test";
        String asciiHost = "ascii-" + run + ".test";
        for (String host : List.of(java.net.IDN.toASCII(hangingHost), java.net.IDN.toASCII(healthyHost), asciiHost)) {
            TestDns.FAKE.map(host, "127.0.0.1");
        }
        // one port for all three: only the host name tells the endpoints apart
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            receiver.route("/hang", n -> Receiver.hang()).route("/unicode", n -> Receiver.status(204))
                    .route("/ascii", n -> Receiver.status(204));
            Api.subscribe(tenant, "http://" + hangingHost + ":" + receiver.port() + "/hang", List.of("chat.message"),
                    List.of(hangingRoom), null);
            Api.subscribe(tenant, "http://" + healthyHost + ":" + receiver.port() + "/unicode",
                    List.of("chat.message"), List.of(healthyRoom), null);
            Api.subscribe(tenant, "http://" + asciiHost + ":" + receiver.port() + "/ascii",
                    List.of("chat.message"), List.of(healthyRoom), null);

            assertHealthyKeepsBaseline(producer, receiver, "/unicode", healthyRoom, () -> {
                for (int i = 0; i < HANGING_EVENTS; i++) {
                    Kafka.send(producer, "chat.events", hangingRoom, ChatEvents.text(hangingRoom, i, "h"));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests("/hang").size() >= 8);
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests("/ascii").size() == 2 * SAMPLES);
        }
    }

    interface Load {
        void start() throws Exception;
    }

    /** The healthy URL's p99 while the load runs stays within 3 x its solo p99 + 200 ms, measured here. */
    private static void assertHealthyKeepsBaseline(KafkaProducer<byte[], byte[]> producer, Receiver receiver,
            String path, String room, Load load) throws Exception {
        List<Duration> solo = Latencies.measure(producer, receiver, path, room, 0, SAMPLES);
        load.start();
        List<Duration> loaded = Latencies.measure(producer, receiver, path, room, SAMPLES, SAMPLES);
        assertThat(Latencies.p99(loaded)).as("p99 next to a hanging endpoint (solo p99 %s)", Latencies.p99(solo))
                .isLessThanOrEqualTo(Latencies.p99(solo).multipliedBy(3).plusMillis(200));
    }
}
