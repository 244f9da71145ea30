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
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** {@code hookgate.delivery.breaker.enabled=false}: no breaker opens, ever, and the retry schedule is all there is. */
@QuarkusTest
@TestProfile(BreakerDisabledTest.NoBreaker.class)
class BreakerDisabledTest {

    /** Only the breaker is off; the caps stay the defaults, so that nothing but the schedule paces the retries. */
    public static class NoBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // were a breaker still acting, its 5 min open time would stand far out of any queueing delay
            return Map.of("hookgate.delivery.breaker.enabled", "false", "hookgate.delivery.breaker.open-for", "5m");
        }
    }

    private static final int EVENTS = 100;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Test
    void hundredFailuresInARowOpenNoBreakerAndEveryRowFollowsTheRetrySchedule() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        AtomicLong maxOpen = new AtomicLong();
        AtomicLong held = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (Receiver failing = Receiver.start(n -> Receiver.status(500));
                KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.Subscription sub = Api.subscribe(tenant, failing.url("/fail"), List.of("chat.message"), null, null);
            sampler.scheduleAtFixedRate(() -> {
                maxOpen.accumulateAndGet((long) openBreakers(), Math::max);
                held.accumulateAndGet(heldRows(sub.id()), Math::max);
            }, 0, 50, TimeUnit.MILLISECONDS);
            for (int i = 0; i < EVENTS; i++) {
                Kafka.send(producer, "chat.events", room, ChatEvents.text(room, i, "m" + i));
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                    DeliveryRows.byStatus(pool, sub.id()).equals(Map.of("failed", (long) EVENTS)));

            assertThat(maxOpen.get()).as("hookgate_endpoints_circuit_open").isZero();
            assertThat(held.get()).as("rows held for a breaker").isZero();
            assertThat(failing.requests()).hasSize(3 * EVENTS);
            for (List<OffsetDateTime> attempts : attemptTimes(sub.id()).values()) {
                assertThat(attempts).hasSize(3);
                // %test schedule 1s,2s with ±20 % jitter, never earlier; later only by a poll interval and queueing
                // on a loaded machine (20 s seen at load 16), far from the 5 min an open breaker would add
                assertThat(Duration.between(attempts.get(0), attempts.get(1)))
                        .isBetween(Duration.ofMillis(750), Duration.ofSeconds(60));
                assertThat(Duration.between(attempts.get(1), attempts.get(2)))
                        .isBetween(Duration.ofMillis(1550), Duration.ofSeconds(60));
            }
        } finally {
            sampler.shutdownNow();
        }
    }

    private Map<UUID, List<OffsetDateTime>> attemptTimes(String subscriptionId) {
        Map<UUID, List<OffsetDateTime>> out = new HashMap<>();
        for (Row row : pool.preparedQuery("SELECT a.delivery_id, a.at FROM attempts a JOIN deliveries d"
                + " ON d.id = a.delivery_id WHERE d.subscription_id = $1 ORDER BY a.delivery_id, a.n")
                .execute(Tuple.of(UUID.fromString(subscriptionId))).await().atMost(Duration.ofSeconds(15))) {
            out.computeIfAbsent(row.getUUID("delivery_id"), id -> new ArrayList<>()).add(row.getOffsetDateTime("at"));
        }
        assertThat(out).hasSize(EVENTS);
        return out;
    }

    private long heldRows(String subscriptionId) {
        return pool.preparedQuery("SELECT count(*) FROM deliveries WHERE subscription_id = $1 AND held")
                .execute(Tuple.of(UUID.fromString(subscriptionId))).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }

    private double openBreakers() {
        return registry.find("hookgate.endpoints.circuit.open").gauge().value();
    }
}
