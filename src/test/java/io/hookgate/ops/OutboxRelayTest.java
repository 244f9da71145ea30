package io.hookgate.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The outbox of dead letters and operational events (issue 12, items 4 and 6): every due row is reached however
 * many there are, each row is settled on its own, a row that can never be published is parked instead of being
 * re-sent in a loop, and state changes enqueue their events in their own transaction.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry registry;

    @Test
    void rowsBeyondTheFirstPageAreAllPublishedInOneWakeUp() throws Exception {
        Fixture f = fixture(null);
        int rows = 450;
        insertDeliveries(f, rows, "{\"message_id\":1}");

        try (Kafka.Tail dlq = Kafka.tail("webhook.deliveries.dlq"); Kafka.Tail ops = Kafka.tail("hookgate.operations")) {
            failAll(f);
            relay.wake();

            await().atMost(WAIT).until(() -> mine(dlq.read(), f.sub()).size() >= rows);
            await().atMost(WAIT).until(() -> mine(ops.read(), f.sub()).stream()
                    .filter(r -> "delivery.exhausted".equals(json(r).get("type").asText())).count() >= rows);
            assertThat(mine(dlq.read(), f.sub()).stream().map(r -> json(r).get("delivery_id").asText()).distinct())
                    .hasSize(rows);
            await().atMost(WAIT).until(() -> outboxRows(f.sub()) == 0);
        }
    }

    @Test
    void aRecordThatCanNeverBePublishedIsParkedAndNotSentAgain() throws Exception {
        Fixture f = fixture("eventyay");
        insertDeliveries(f, 1, "this stored payload is not JSON, so no eventyay body can be rendered");

        try (Kafka.Tail ops = Kafka.tail("hookgate.operations")) {
            failAll(f);
            relay.wake();

            Row parked = await().atMost(WAIT).until(() -> deadLetterRow(f.sub()), r -> r != null
                    && r.getOffsetDateTime("parked_at") != null);
            assertThat(parked.getInteger("record_failures")).isEqualTo(3);
            assertThat(parked.getString("last_error")).contains("not renderable");
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
                    .until(() -> deadLetterRow(f.sub()).getInteger("attempts") == 3);
            await().atMost(WAIT).until(() -> registry.get("hookgate.outbox.parked").tag("kind", "dead_letter")
                    .gauge().value() >= 1);
            // its delivery.exhausted row is settled on its own and goes out
            await().atMost(WAIT).until(() -> mine(ops.read(), f.sub()).stream()
                    .anyMatch(r -> "delivery.exhausted".equals(json(r).get("type").asText())));
        }
    }

    @Test
    void disablingASubscriptionPublishesItsOperationalEventFromTheOutbox() throws Exception {
        Fixture f = fixture(null);
        try (Kafka.Tail ops = Kafka.tail("hookgate.operations")) {
            given().auth().oauth2(f.tenant().apiKey()).contentType(ContentType.JSON).body(Map.of("status", "disabled"))
                    .patch("/v1/subscriptions/" + f.sub()).then().statusCode(200);

            await().atMost(WAIT).until(() -> mine(ops.read(), f.sub()).stream().map(OutboxRelayTest::json)
                    .anyMatch(e -> "subscription.disabled".equals(e.get("type").asText())
                            && "manual".equals(e.get("detail").asText())));
            List<JsonNode> events = mine(ops.read(), f.sub()).stream().map(OutboxRelayTest::json).toList();
            assertThat(events).extracting(e -> e.get("type").asText())
                    .containsExactly("subscription.verified", "subscription.disabled");
            assertThat(events).allSatisfy(e -> assertThat(e.get("tenant_id").asText()).isEqualTo(f.tenant().id()));
        }
    }

    private record Fixture(Api.Tenant tenant, String sub, String tag) {
    }

    private Fixture fixture(String format) throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.ok()) {
            String sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), List.of(room), format).id();
            return new Fixture(tenant, sub, "evt_obx" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        }
    }

    private void insertDeliveries(Fixture f, int n, String payload) {
        sql("""
                INSERT INTO events (id, event_type, channel, occurred_at, occurred_at_text, payload)
                SELECT $1 || '_' || k, 'chat.message', 'outbox', now(), '2026-11-22T10:15:30Z', $3
                  FROM generate_series(1, $2) AS k""", Tuple.of(f.tag(), n, payload));
        sql("""
                INSERT INTO deliveries (id, event_id, subscription_id, tenant_id, event_type, status, next_attempt_at,
                                        source_at, lease_owner)
                SELECT gen_random_uuid(), $1 || '_' || k, $2::uuid, $3::uuid, 'chat.message', 'pending',
                       now() + interval '1 hour', now(), 'test' FROM generate_series(1, $4) AS k""",
                Tuple.of(f.tag(), f.sub(), f.tenant().id(), n));
    }

    /** Fails them the way the outcome writer does: the trigger writes their outbox rows in the same statement. */
    private void failAll(Fixture f) {
        sql("""
                UPDATE deliveries SET status = 'failed', attempts = 3, last_status_code = 500, last_error = 'status_500',
                       first_attempt_at = now(), last_attempt_at = now(), lease_owner = NULL
                 WHERE event_id LIKE $1 || '_%'""", Tuple.of(f.tag()));
    }

    private long outboxRows(String sub) {
        return pool.preparedQuery("SELECT count(*) FROM outbox WHERE subscription_id = $1::uuid").execute(Tuple.of(sub))
                .await().atMost(WAIT).iterator().next().getLong(0);
    }

    private Row deadLetterRow(String sub) {
        var rows = pool.preparedQuery("SELECT * FROM outbox WHERE subscription_id = $1::uuid AND kind = 'dead_letter'")
                .execute(Tuple.of(sub)).await().atMost(WAIT);
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private void sql(String statement, Tuple args) {
        pool.preparedQuery(statement).execute(args).await().atMost(WAIT);
    }

    private static List<ConsumerRecord<byte[], byte[]>> mine(List<ConsumerRecord<byte[], byte[]>> read, String sub) {
        return read.stream().filter(r -> r.key() != null && sub.equals(new String(r.key()))).toList();
    }

    private static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
