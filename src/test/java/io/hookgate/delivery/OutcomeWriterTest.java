package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.intake.FanOutStore;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.NoPolling;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(NoPolling.class)
class OutcomeWriterTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    OutcomeWriter writer;

    @Inject
    OutcomePlanner planner;

    @Inject
    FanOutStore store;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Pool pool;

    @Test
    void aResultForADeliveryDeletedMeanwhileDoesNotHoldBackTheOthersInItsBatch() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            ClaimedDelivery live = leasedDelivery(receiver);
            ClaimedDelivery deleted = new ClaimedDelivery(UUID.randomUUID(), live.eventId(), UUID.randomUUID(),
                    live.tenantId(), live.eventType(), 0, 0, live.sourceAt(), null, live.dueAt(), live.leaseExpiresAt(),
                    live.subscription(), live.event());
            AttemptResult ok = AttemptResult.response(Instant.now(), Duration.ofMillis(3), 204, java.util.Optional.empty(),
                    "", new byte[0]);

            writer.submit(planner.plan(deleted, ok));
            writer.submit(planner.plan(live, ok));

            await().atMost(WAIT).until(() -> "delivered".equals(status(live.id())));
            assertThat(pool.preparedQuery("SELECT count(*) FROM attempts WHERE delivery_id = $1")
                    .execute(Tuple.of(live.id())).await().atMost(WAIT).iterator().next().getLong(0)).isEqualTo(1);
            await().atMost(WAIT).until(() -> !writer.busy());
        }
    }

    @Test
    void integrityAndDataErrorsArePermanentAndEverythingElseIsRetried() {
        assertThat(OutcomeWriter.transientFailure(new PgException("fk", "ERROR", "23503", null))).isFalse();
        assertThat(OutcomeWriter.transientFailure(new PgException("bad", "ERROR", "22P02", null))).isFalse();
        assertThat(OutcomeWriter.transientFailure(new PgException("shutdown", "FATAL", "57P01", null))).isTrue();
        assertThat(OutcomeWriter.transientFailure(new java.io.IOException("connection reset"))).isTrue();
    }

    private ClaimedDelivery leasedDelivery(Receiver receiver) {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        UUID subscription = UUID.fromString(
                Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null).id());
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        ClaimedDelivery.Event event = new ClaimedDelivery.Event("2026-11-23T10:00:00Z", "{\"id\":\"" + eventId + "\"}");
        long version = pool.query("SELECT version FROM index_version").execute().await().atMost(WAIT)
                .iterator().next().getLong(0);
        Handoff handoff = dispatcher.reserve(1);
        try {
            DeliveryStore.Enqueued stored = store.store(version,
                    List.of(new NewEvent(eventId, "chat.message", room,
                            OffsetDateTime.parse(event.occurredAtText()), event.occurredAtText(), event.payload())),
                    List.of(new NewDelivery(eventId, subscription, UUID.fromString(tenant.id()), "chat.message",
                            Instant.now(), event, handoff.take(subscription))), handoff)
                    .await().atMost(WAIT);
            assertThat(stored.leased()).hasSize(1);
            return stored.leased().get(0);
        } finally {
            dispatcher.handOff(handoff, List.of());
        }
    }

    private String status(UUID deliveryId) {
        Row row = pool.preparedQuery("SELECT status FROM deliveries WHERE id = $1").execute(Tuple.of(deliveryId))
                .await().atMost(WAIT).iterator().next();
        return row.getString("status");
    }
}
