package io.hookgate.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.DeliveryRows;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * Deliveries of a disabled subscription fail at once with {@code subscription_disabled}: no attempt, no request,
 * a dead letter; whichever way the subscription was disabled, and when a row is claimed while it is.
 */
@QuarkusTest
class DisabledSubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Test
    void disablingFailsPendingDeliveriesAtOnceAndRecoverDeliversThemAfterReactivation() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            Fixture f = fixture(receiver);
            List<UUID> pending = insertPending(f, 5, Duration.ofHours(1));

            patchStatus(f, "disabled");

            await().atMost(Duration.ofSeconds(5)).until(() -> DeliveryRows.byStatusAndError(pool, f.sub().id())
                    .equals(Map.of("failed/subscription_disabled", 5L)));
            assertThat(DeliveryRows.attemptErrors(pool, f.sub().id())).as("attempt rows").isEmpty();
            assertThat(receiver.requests()).isEmpty();
            assertDeadLettered(f, pending);

            patchStatus(f, "active");
            given().auth().oauth2(f.tenant().apiKey()).contentType(ContentType.JSON)
                    .body(Map.of("since", Instant.now().minus(Duration.ofHours(1)).toString()))
                    .post("/v1/subscriptions/" + f.sub().id() + "/recover").then().statusCode(202);
            await().atMost(WAIT).until(() -> DeliveryRows.byStatus(pool, f.sub().id()).equals(Map.of("delivered", 5L)));
            assertThat(receiver.requests()).hasSize(5);
        }
    }

    @Test
    void goneFailsTheOtherPendingDeliveriesAtOnce() throws Exception {
        try (Receiver receiver = Receiver.start(n -> Receiver.status(410));
                KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Fixture f = fixture(receiver);
            List<UUID> pending = insertPending(f, 3, Duration.ofHours(1));

            Kafka.send(producer, "chat.events", f.room(), ChatEvents.text(f.room(), 1, "gone"));

            await().atMost(WAIT).until(() -> DeliveryRows.byStatusAndError(pool, f.sub().id())
                    .equals(Map.of("failed/subscription_disabled", 3L, "failed/status_410", 1L)));
            assertThat(receiver.requests()).hasSize(1);
            assertDeadLettered(f, pending);
        }
    }

    @Test
    void failingLongEnoughToBeAutoDisabledFailsThePendingDeliveriesAtOnce() throws Exception {
        try (Receiver receiver = Receiver.start(n -> Receiver.status(500));
                KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Fixture f = fixture(receiver);
            execute("UPDATE subscriptions SET failing_since = now() - interval '6 days' WHERE id = $1", f.subId());
            List<UUID> pending = insertPending(f, 3, Duration.ofHours(1));

            Kafka.send(producer, "chat.events", f.room(), ChatEvents.text(f.room(), 1, "still failing"));

            await().atMost(WAIT).until(() -> DeliveryRows.byStatusAndError(pool, f.sub().id())
                    .equals(Map.of("failed/subscription_disabled", 4L)));
            assertThat(Api.subscription(f.tenant(), f.sub().id()).getString("disabled_reason")).isEqualTo("failing");
            assertThat(receiver.requests()).hasSize(1);
            assertDeadLettered(f, pending);
        }
    }

    @Test
    void rowsClaimedWhileTheSubscriptionIsDisabledFailWithoutAnAttemptOrARequest() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            Fixture f = fixture(receiver);
            // as another replica's change would look to this one: only the row changed
            execute("UPDATE subscriptions SET status = 'disabled', disabled_reason = 'manual' WHERE id = $1", f.subId());
            List<UUID> due = insertPending(f, 3, Duration.ZERO);

            await().atMost(WAIT).until(() -> DeliveryRows.byStatusAndError(pool, f.sub().id())
                    .equals(Map.of("failed/subscription_disabled", 3L)));
            assertThat(DeliveryRows.attemptErrors(pool, f.sub().id())).as("attempt rows").isEmpty();
            assertThat(pool.preparedQuery("SELECT failing_since FROM subscriptions WHERE id = $1")
                    .execute(Tuple.of(f.subId())).await().atMost(WAIT).iterator().next()
                    .getOffsetDateTime("failing_since")).as("failing_since").isNull();
            assertThat(receiver.requests()).isEmpty();
            assertDeadLettered(f, due);
        }
    }

    private record Fixture(Api.Tenant tenant, Api.Subscription sub, String room) {
        UUID subId() {
            return UUID.fromString(sub.id());
        }
    }

    private static Fixture fixture(Receiver receiver) {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null);
        return new Fixture(tenant, sub, room);
    }

    private static void patchStatus(Fixture f, String status) {
        given().auth().oauth2(f.tenant().apiKey()).contentType(ContentType.JSON).body(Map.of("status", status))
                .patch("/v1/subscriptions/" + f.sub().id()).then().statusCode(200);
    }

    /** Stores {@code n} events and pending deliveries due after {@code dueIn}, as intake and retries leave them. */
    private List<UUID> insertPending(Fixture f, int n, Duration dueIn) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
            String payload = new String(ChatEvents.text(f.room(), 1000 + i, "stored"), StandardCharsets.UTF_8);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            execute("INSERT INTO events (id, event_type, channel, occurred_at, occurred_at_text, payload)"
                    + " VALUES ($1, 'chat.message', $2, $3, $4, $5)", eventId, f.room(), now, now.toInstant().toString(),
                    payload);
            UUID id = UUID.randomUUID();
            execute("INSERT INTO deliveries (id, event_id, subscription_id, tenant_id, event_type, status,"
                    + " next_attempt_at, source_at) VALUES ($1, $2, $3, $4, 'chat.message', 'pending', $5, $6)",
                    id, eventId, f.subId(), UUID.fromString(f.tenant().id()), now.plus(dueIn), now);
            ids.add(id);
        }
        return ids;
    }

    private void execute(String sql, Object... args) {
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(WAIT);
    }

    private static void assertDeadLettered(Fixture f, List<UUID> deliveries) throws Exception {
        Set<String> wanted = deliveries.stream().map(UUID::toString).collect(Collectors.toSet());
        List<ConsumerRecord<byte[], byte[]>> dlq = Kafka.readUntil("webhook.deliveries.dlq",
                read -> lettersOf(read, f).keySet().containsAll(wanted), WAIT);
        Map<String, JsonNode> letters = lettersOf(dlq, f);
        for (String id : wanted) {
            assertThat(letters).containsKey(id);
            assertThat(letters.get(id).get("last_error").asText()).isEqualTo("subscription_disabled");
            assertThat(letters.get(id).get("attempts").asInt()).isZero();
        }
    }

    private static Map<String, JsonNode> lettersOf(List<ConsumerRecord<byte[], byte[]>> read, Fixture f) {
        return read.stream().filter(r -> f.sub().id().equals(new String(r.key()))).map(r -> {
            try {
                return JSON.readTree(r.value());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toMap(j -> j.get("delivery_id").asText(), j -> j, (a, b) -> a));
    }
}
