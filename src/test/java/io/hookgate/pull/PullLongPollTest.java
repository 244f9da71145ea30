package io.hookgate.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.pull.wake.LocalWakeups;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PullLongPollTest {

    @Inject
    LocalWakeups wakeups;
    @Inject
    Pool pool;

    @Test
    void aLongPollOnThisReplicaReturnsWithin100msOfTheStore() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        try (KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            String after = firstMessageCursor(producer, room, tenant, sub);
            // baseline: what a read that finds a message costs end to end on this machine right now
            Duration baseline = baseline(tenant, sub);

            int before = wakeups.size();
            Instant asked = Instant.now();
            CompletableFuture<Instant> answered = CompletableFuture.supplyAsync(() -> {
                JsonPath page = PullApi.read(tenant, sub.id(), Map.of("after", after, "wait", 20));
                assertThat(page.getList("data")).hasSize(1);
                return Instant.now();
            });
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> wakeups.size() > before);
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 1, "second"));
            Instant returned = answered.get(30, TimeUnit.SECONDS);

            Instant stored = storedAt(UUID.fromString(sub.id()), "second");
            Duration latency = Duration.between(stored, returned);
            Log.infof("long-poll wake-up: %d ms after the store (baseline read %d ms, waited %d ms)",
                    latency.toMillis(), baseline.toMillis(), Duration.between(asked, returned).toMillis());
            assertThat(stored).isAfter(asked);
            assertThat(latency.minus(baseline)).isLessThan(Duration.ofMillis(100));
        }
    }

    @Test
    void aLongPollWithNothingStoredReturnsEmptyWithItsAfterWhenTheWaitEnds() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        String after = "00000000000000000000000000000007";
        long start = System.nanoTime();
        JsonPath page = PullApi.read(tenant, sub.id(), Map.of("after", after, "wait", 1));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(page.getList("data")).isEmpty();
        assertThat(page.getString("next_cursor")).isEqualTo(after);
        assertThat(page.getBoolean("refresh")).isFalse();
        assertThat(tookMs).isBetween(900L, 5_000L);
    }

    @Test
    void aMessageStoredBetweenTwoIdleLongPollsIsAnsweredAtOnceByTheSecond() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        try (KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            String after = firstMessageCursor(producer, room, tenant, sub);
            Duration baseline = baseline(tenant, sub);
            // an idle wait at the end: from now on this replica knows a read there finds nothing
            assertThat(PullApi.read(tenant, sub.id(), Map.of("after", after, "wait", 1)).getList("data")).isEmpty();

            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 1, "second"));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> storedAt(UUID.fromString(sub.id()), "second") != null);
            long start = System.nanoTime();
            JsonPath page = PullApi.read(tenant, sub.id(), Map.of("after", after, "wait", 20));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(page.getList("data")).hasSize(1);
            // read at once, not found by the periodic recheck (5 s) or at the end of the wait
            assertThat(took.minus(baseline)).isLessThan(Duration.ofSeconds(1));
        }
    }

    /** Produces one message to the room and waits until the subscription reads it; returns the cursor after it. */
    private static String firstMessageCursor(KafkaProducer<byte[], byte[]> producer, String room, Api.Tenant tenant,
            Api.Subscription sub) throws Exception {
        Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 0, "first"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                PullApi.read(tenant, sub.id(), Map.of()).getList("data").size() == 1);
        return PullApi.read(tenant, sub.id(), Map.of()).getString("next_cursor");
    }

    private static Duration baseline(Api.Tenant tenant, Api.Subscription sub) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t = System.nanoTime();
            PullApi.read(tenant, sub.id(), Map.of());
            nanos.add(System.nanoTime() - t);
        }
        nanos.sort(null);
        return Duration.ofNanos(nanos.get(nanos.size() / 2));
    }

    private Instant storedAt(UUID subscriptionId, String text) {
        return pool.preparedQuery("SELECT m.stored_at FROM pull_messages m JOIN events e ON e.id = m.event_id"
                + " WHERE m.subscription_id = $1 AND e.payload LIKE $2")
                .execute(Tuple.of(subscriptionId, "%\"" + text + "\"%")).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getOffsetDateTime("stored_at").toInstant();
    }
}
