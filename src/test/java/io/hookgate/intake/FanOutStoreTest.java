package io.hookgate.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hookgate.delivery.ClaimedDelivery;
import io.hookgate.delivery.DeliveryStore;
import io.hookgate.delivery.Dispatcher;
import io.hookgate.delivery.Handoff;
import io.hookgate.delivery.NewDelivery;
import io.hookgate.delivery.NewEvent;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.NoPolling;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The intake's single store statement: what it stores, what it hands back ready to send, and when it refuses. */
@QuarkusTest
@TestProfile(NoPolling.class)
class FanOutStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    FanOutStore store;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Pool pool;

    @Test
    void leasedRowsComeBackReadyToSendAndUnleasedRowsStayDueForTheClaim() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            Fixture f = fixture(receiver);
            Handoff handoff = dispatcher.reserve(1);

            DeliveryStore.Enqueued stored;
            List<Row> rows;
            try {
                stored = store.store(version(), List.of(f.eventRow()),
                        List.of(f.row(f.first, handoff.take(f.first)), f.row(f.second, handoff.take(f.second))),
                        handoff).await().atMost(WAIT);
                rows = rows(f.eventId());
            } finally {
                // handing back wakes a claim round for the declined row; read the rows before that
                dispatcher.handOff(handoff, List.of());
            }

            assertThat(stored.indexVersion()).isEqualTo(version());
            assertThat(stored.leased()).singleElement().satisfies(d -> {
                assertThat(d.subscriptionId()).isEqualTo(f.first);
                assertThat(d.attempts()).isZero();
                assertThat(d.subscription().url()).isEqualTo(receiver.url("/hook"));
                assertThat(d.subscription().active()).isTrue();
                assertThat(d.subscription().secretCiphertext()).isNotEmpty();
                assertThat(d.event()).isEqualTo(f.event());
                assertThat(d.leaseExpiresAt()).isCloseTo(Instant.now().plus(handoff.lease()), within(1, ChronoUnit.MINUTES));
            });
            assertThat(rows).hasSize(2).anySatisfy(r -> {
                assertThat(r.getUUID("subscription_id")).isEqualTo(f.second);
                assertThat(r.getString("lease_owner")).isNull();
                assertThat(r.getBoolean("due")).isTrue();
            }).anySatisfy(r -> {
                assertThat(r.getUUID("subscription_id")).isEqualTo(f.first);
                assertThat(r.getString("lease_owner")).isEqualTo(handoff.owner());
                assertThat(r.getBoolean("due")).isFalse();
            });
        }
    }

    @Test
    void reconsumedRecordsInsertNothingAndHandNothingOff() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            Fixture f = fixture(receiver);

            DeliveryStore.Enqueued first = storeLeased(f);
            DeliveryStore.Enqueued again = storeLeased(f);

            assertThat(first.leased()).hasSize(1);
            assertThat(again.leased()).isEmpty();
            assertThat(again.indexVersion()).isEqualTo(version());
            assertThat(rows(f.eventId())).hasSize(1);
        }
    }

    @Test
    void aBatchMatchedWithAStaleIndexIsNotStoredAndLearnsTheCurrentVersion() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            Fixture f = fixture(receiver);
            long current = version();

            Handoff handoff = dispatcher.reserve(1);
            DeliveryStore.Enqueued stored = store.store(current - 1, List.of(f.eventRow()),
                    List.of(f.row(f.first, handoff.take(f.first))), handoff).await().atMost(WAIT);
            dispatcher.handOff(handoff, List.of());

            assertThat(stored.indexVersion()).isEqualTo(current);
            assertThat(stored.leased()).isEmpty();
            assertThat(rows(f.eventId())).isEmpty();
            assertThat(pool.preparedQuery("SELECT count(*) FROM events WHERE id = $1").execute(Tuple.of(f.eventId()))
                    .await().atMost(WAIT).iterator().next().getLong(0)).isZero();
        }
    }

    private DeliveryStore.Enqueued storeLeased(Fixture f) {
        Handoff handoff = dispatcher.reserve(1);
        try {
            return store.store(version(), List.of(f.eventRow()), List.of(f.row(f.first, handoff.take(f.first))),
                    handoff).await().atMost(WAIT);
        } finally {
            dispatcher.handOff(handoff, List.of());
        }
    }

    private Fixture fixture(Receiver receiver) {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        UUID first = UUID.fromString(Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null).id());
        UUID second = UUID.fromString(Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null).id());
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        return new Fixture(UUID.fromString(tenant.id()), room, first, second, eventId,
                new ClaimedDelivery.Event("2026-11-23T10:00:00Z", "{\"id\":\"" + eventId + "\"}"));
    }

    private long version() {
        return pool.query("SELECT version FROM index_version").execute().await().atMost(WAIT)
                .iterator().next().getLong(0);
    }

    private List<Row> rows(String eventId) {
        List<Row> all = new ArrayList<>();
        pool.preparedQuery("SELECT subscription_id, lease_owner, next_attempt_at <= now() AS due"
                + " FROM deliveries WHERE event_id = $1").execute(Tuple.of(eventId)).await().atMost(WAIT)
                .forEach(all::add);
        return all;
    }

    private record Fixture(UUID tenant, String channel, UUID first, UUID second, String eventId,
            ClaimedDelivery.Event event) {

        NewEvent eventRow() {
            return new NewEvent(eventId, "chat.message", channel,
                    OffsetDateTime.parse(event.occurredAtText()), event.occurredAtText(), event.payload());
        }

        NewDelivery row(UUID subscription, boolean leased) {
            return new NewDelivery(eventId, subscription, tenant, "chat.message", Instant.now(), event, leased);
        }
    }
}
