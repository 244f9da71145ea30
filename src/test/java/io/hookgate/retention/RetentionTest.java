package io.hookgate.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
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
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Retention (SPEC 10; issue 12, item 8): rows past their window are deleted with their attempts and events, rows
 * within it or still owed to the outbox are kept, and intake at load does not stall while the purge runs (its
 * latency is compared with a baseline measured in the same test).
 */
@QuarkusTest
class RetentionTest {

    private static final int OLD_DELIVERED = 20_000;
    private static final int OLD_FAILED = 1_000;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Retention retention;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Test
    void rowsPastTheirWindowAreDeletedWhileIntakeRunsWithoutStalling() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            UUID sub = UUID.fromString(Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"),
                    List.of(room), null).id());
            String tag = "evt_ret" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            seed(sub, UUID.fromString(tenant.id()), tag);
            Map<String, Instant> sent = new ConcurrentHashMap<>();

            Map<String, Double> before = Map.of("delivered", deleted("delivered"), "failed", deleted("failed"),
                    "attempts", deleted("attempts"), "events", deleted("events"));
            List<Long> baseline = produce(producer, room, "base", 150, sent, receiver, () -> false);
            CompletableFuture<Void> purge = retention.purge().subscribeAsCompletionStage().toCompletableFuture();
            List<Long> during = produce(producer, room, "during", 3_000, sent, receiver, purge::isDone);
            purge.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

            assertThat(during.size()).as("events produced while the purge ran").isGreaterThanOrEqualTo(20);
            long baselineMax = baseline.stream().mapToLong(Long::longValue).max().orElseThrow();
            long duringMax = during.stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.printf("retention test: %d events during the purge, end-to-end max %d ms (baseline max %d ms)%n",
                    during.size(), duringMax, baselineMax);
            assertThat(duringMax).as("end-to-end max during the purge, ms").isLessThanOrEqualTo(2 * baselineMax + 1_000);
            assertThat(count("SELECT count(*) FROM deliveries WHERE event_id LIKE $1 AND status = 'delivered'", tag))
                    .as("delivered rows kept: only the recent ones").isEqualTo(100);
            assertThat(count("SELECT count(*) FROM deliveries WHERE event_id LIKE $1 AND status = 'failed'", tag))
                    .as("failed rows kept: the recent ones and the one owed to the outbox").isEqualTo(101);
            assertThat(count("SELECT count(*) FROM attempts a JOIN deliveries d ON d.id = a.delivery_id"
                    + " WHERE d.event_id LIKE $1", tag)).as("attempts of kept rows").isEqualTo(2 * 201);
            // at least: rows a failed earlier run left in a reused database are past their window too
            assertThat(deleted("delivered") - before.get("delivered")).isGreaterThanOrEqualTo(OLD_DELIVERED);
            assertThat(deleted("failed") - before.get("failed")).isGreaterThanOrEqualTo(OLD_FAILED);
            assertThat(deleted("attempts") - before.get("attempts"))
                    .isGreaterThanOrEqualTo(2.0 * (OLD_DELIVERED + OLD_FAILED));
            assertThat(deleted("events") - before.get("events")).isGreaterThanOrEqualTo(OLD_DELIVERED + OLD_FAILED);
            assertThat(count("SELECT count(*) FROM events WHERE id LIKE $1", tag)).as("events still referenced")
                    .isEqualTo(201);
            assertThat(count("SELECT count(*) FROM deliveries WHERE event_id LIKE $1 AND created_at < now() - interval"
                    + " '1 day' AND (delivered_at < now() - interval '7 days' OR last_attempt_at < now() - interval"
                    + " '30 days') AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.delivery_id = deliveries.id)", tag))
                    .as("rows past their window left").isZero();
        }
    }

    /** Produces one event after another until {@code stop} or {@code max}; returns their end-to-end times. */
    private static List<Long> produce(KafkaProducer<byte[], byte[]> producer, String room, String phase, int max,
            Map<String, Instant> sent, Receiver receiver, java.util.function.BooleanSupplier stop) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < max && !stop.getAsBoolean(); i++) {
            String id = phase + "-" + i;
            sent.put(id, Instant.now());
            producer.send(new ProducerRecord<>("chat.events", room.getBytes(), ChatEvents.text(room, id, id)));
            ids.add(id);
            Thread.sleep(10);
        }
        producer.flush();
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> arrival(receiver, id) != null));
        return ids.stream().map(id -> Duration.between(sent.get(id), arrival(receiver, id)).toMillis()).toList();
    }

    private static Instant arrival(Receiver receiver, String id) {
        return receiver.requests().stream().filter(r -> r.bodyText().contains("\"message_id\": \"" + id + "\""))
                .map(Receiver.Request::arrivedAt).findFirst().orElse(null);
    }

    /**
     * Old and recent rows of one subscription: 20,000 delivered 8 days ago and 1,000 failed 31 days ago (all
     * deletable), 100 of each recent, and one old failed row whose dead letter is still in the outbox; two attempts each.
     */
    private void seed(UUID sub, UUID tenant, String tag) {
        sql("""
                INSERT INTO events (id, event_type, channel, occurred_at, occurred_at_text, payload, received_at)
                SELECT $1 || '_' || n, 'chat.message', 'retention', now(), 'x', '{}',
                       CASE WHEN n <= $2::int THEN now() - interval '31 days' ELSE now() END
                  FROM generate_series(1, $3::int) AS n""", Tuple.of(tag, OLD_DELIVERED + OLD_FAILED + 1,
                OLD_DELIVERED + OLD_FAILED + 1 + 200));
        sql("""
                INSERT INTO deliveries (id, event_id, subscription_id, tenant_id, event_type, status, attempts,
                                        next_attempt_at, source_at, created_at, delivered_at, last_attempt_at)
                SELECT gen_random_uuid(), $1 || '_' || n, $2::uuid, $3::uuid, 'chat.message',
                       CASE WHEN n <= $4::int OR n > $6::int + 100 THEN 'delivered' ELSE 'failed' END, 2, now(), now(),
                       now() - interval '40 days',
                       CASE WHEN n <= $4::int THEN now() - interval '8 days' WHEN n > $6::int + 100 THEN now() END,
                       CASE WHEN n <= $5::int THEN now() - interval '31 days' ELSE now() END
                  FROM generate_series(1, $6::int + 200) AS n""", Tuple.from(List.of(tag, sub, tenant, OLD_DELIVERED,
                OLD_DELIVERED + OLD_FAILED + 1, OLD_DELIVERED + OLD_FAILED + 1)));
        sql("""
                INSERT INTO attempts (delivery_id, n, at, latency_ms)
                SELECT d.id, k, now(), 1 FROM deliveries d, generate_series(1, 2) AS k WHERE d.event_id LIKE $1 || '_%'""",
                Tuple.of(tag));
        sql("""
                INSERT INTO outbox (kind, subscription_id, tenant_id, delivery_id, next_attempt_at, parked_at, last_error)
                SELECT 'dead_letter', subscription_id, tenant_id, id, now(), now(), 'test: still owed'
                  FROM deliveries WHERE event_id = $1 || '_' || $2::int""", Tuple.of(tag, OLD_DELIVERED + OLD_FAILED + 1));
    }

    private double deleted(String kind) {
        return registry.counter("hookgate.retention.deleted", "kind", kind).count();
    }

    private void sql(String statement, Tuple args) {
        pool.preparedQuery(statement).execute(args).await().atMost(WAIT);
    }

    private long count(String statement, String tag) {
        return pool.preparedQuery(statement).execute(Tuple.of(tag + "_%")).await().atMost(WAIT).iterator().next()
                .getLong(0);
    }
}
