package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.DeliveryRows;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * The wedge of issue 11: a breaker that opened with a backlog must let its endpoint recover, and an open breaker
 * on one URL must not hold back another URL of the same host.
 */
@QuarkusTest
@TestProfile(BreakerRecoveryTest.FastBreaker.class)
class BreakerRecoveryTest {

    static final Duration OPEN_FOR = Duration.ofSeconds(3);

    /** A breaker that probes again after a few seconds, so recovery fits in a test. */
    public static class FastBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hookgate.delivery.breaker.open-for", OPEN_FOR.toSeconds() + "s");
        }
    }

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Test
    void backlogBehindAnOpenBreakerIsDeliveredOnceTheEndpointRecovers() throws Exception {
        String f = ChatEvents.channel();
        String g = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(f, g);
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            receiver.route("/fail", n -> Receiver.status(500)).route("/ok", n -> Receiver.status(204));
            Api.Subscription failing = Api.subscribe(tenant, receiver.url("/fail"), List.of("chat.message"),
                    List.of(f), null);
            Api.Subscription healthy = Api.subscribe(tenant, receiver.url("/ok"), List.of("chat.message"),
                    List.of(g), null);
            // one burst, so that a whole Kafka batch lands on the endpoint at once
            Kafka.sendBurst(producer, "chat.events", f,
                    IntStream.range(0, 100).mapToObj(i -> ChatEvents.text(f, i, "f" + i)).toList());
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests("/fail").size() >= 10
                    && openBreakers() >= 1);
            Kafka.sendBurst(producer, "chat.events", g,
                    IntStream.range(0, 10).mapToObj(i -> ChatEvents.text(g, i, "g" + i)).toList());
            await().atMost(Duration.ofSeconds(20)).until(() -> DeliveryRows.byStatus(pool, healthy.id()).values()
                    .stream().mapToLong(Long::longValue).sum() == 10);

            receiver.route("/fail", n -> Receiver.status(204));
            long recoveredAt = System.nanoTime();
            await().atMost(OPEN_FOR.plusSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                    DeliveryRows.pending(pool, failing.id()) == 0 && DeliveryRows.pending(pool, healthy.id()) == 0);
            Duration took = Duration.ofNanos(System.nanoTime() - recoveredAt);

            assertThat(DeliveryRows.byStatus(pool, healthy.id())).as("the other URL's rows").isEqualTo(
                    Map.of("delivered", 10L));
            Map<String, Long> failed = DeliveryRows.byStatus(pool, failing.id());
            assertThat(failed.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
            assertThat(failed.getOrDefault("delivered", 0L)).as("recovered rows delivered in %s", took).isPositive();
        }
    }

    private double openBreakers() {
        return registry.find("hookgate.endpoints.circuit.open").gauge().value();
    }
}
