package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The intake's insert into the queue: which rows come back ready to send, and which are left to a claim. */
@QuarkusTest
class DeliveryQueueEnqueueTest {

    private static final Duration LEASE = Duration.ofHours(1);
    private static final String OWNER = "enqueue-test";

    @Inject
    DeliveryQueue queue;

    @Inject
    Pool pool;

    @Test
    void leasedRowsComeBackWithTheirSubscriptionAndUnleasedRowsStayDueForTheClaim() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            Fixture f = fixture(receiver);
            NewDelivery leased = f.row(f.first, true);
            NewDelivery unleased = f.row(f.second, false);

            List<Row> stored = inRolledBackTransaction(conn -> queue.enqueue(conn, List.of(leased, unleased), LEASE, OWNER)
                    .chain(sent -> {
                        assertThat(sent).singleElement().satisfies(d -> {
                            assertThat(d.subscriptionId()).isEqualTo(f.first);
                            assertThat(d.attempts()).isZero();
                            assertThat(d.subscription().url()).isEqualTo(receiver.url("/hook"));
                            assertThat(d.subscription().active()).isTrue();
                            assertThat(d.subscription().secretCiphertext()).isNotEmpty();
                            assertThat(d.event()).isEqualTo(f.event);
                            assertThat(d.leaseExpiresAt()).isCloseTo(Instant.now().plus(LEASE), within(1, ChronoUnit.MINUTES));
                        });
                        return rows(conn, f.eventId);
                    }));

            assertThat(stored).hasSize(2).anySatisfy(r -> {
                assertThat(r.getUUID("subscription_id")).isEqualTo(f.second);
                assertThat(r.getString("lease_owner")).isNull();
                assertThat(r.getBoolean("due")).isTrue();
            }).anySatisfy(r -> {
                assertThat(r.getUUID("subscription_id")).isEqualTo(f.first);
                assertThat(r.getString("lease_owner")).isEqualTo(OWNER);
                assertThat(r.getBoolean("due")).isFalse();
            });
        }
    }

    @Test
    void reconsumedRecordsInsertNothingAndHandNothingOff() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            Fixture f = fixture(receiver);
            NewDelivery row = f.row(f.first, true);

            List<ClaimedDelivery> first = pool.withTransaction(conn -> queue.enqueue(conn, List.of(row), LEASE, OWNER))
                    .await().atMost(Duration.ofSeconds(10));
            List<ClaimedDelivery> again = pool.withTransaction(conn -> queue.enqueue(conn, List.of(row), LEASE, OWNER))
                    .await().atMost(Duration.ofSeconds(10));

            assertThat(first).hasSize(1);
            assertThat(again).isEmpty();
            assertThat(pool.preparedQuery("SELECT count(*) FROM deliveries WHERE event_id = $1")
                    .execute(Tuple.of(f.eventId)).await().atMost(Duration.ofSeconds(10))
                    .iterator().next().getLong(0)).isEqualTo(1);
        }
    }

    private Fixture fixture(Receiver receiver) {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        UUID first = UUID.fromString(Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null).id());
        UUID second = UUID.fromString(Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null).id());
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        ClaimedDelivery.Event event = new ClaimedDelivery.Event("2026-11-23T10:00:00Z", "{\"id\":\"" + eventId + "\"}");
        pool.preparedQuery("""
                INSERT INTO events (id, event_type, channel, occurred_at, occurred_at_text, payload)
                VALUES ($1, 'chat.message', $2, now(), $3, $4)""")
                .execute(Tuple.of(eventId, room, event.occurredAtText(), event.payload()))
                .await().atMost(Duration.ofSeconds(10));
        return new Fixture(UUID.fromString(tenant.id()), first, second, eventId, event);
    }

    private Uni<List<Row>> rows(SqlConnection conn, String eventId) {
        return conn.preparedQuery("SELECT subscription_id, lease_owner, next_attempt_at <= now() AS due"
                + " FROM deliveries WHERE event_id = $1").execute(Tuple.of(eventId))
                .map(result -> {
                    List<Row> all = new ArrayList<>();
                    result.forEach(all::add);
                    return all;
                });
    }

    /** Runs the work uncommitted, so the running dispatcher never sees (and claims) the rows. */
    private <T> T inRolledBackTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.getConnection().chain(conn -> conn.begin()
                .chain(tx -> work.apply(conn).call(tx::rollback))
                .eventually(conn::close))
                .await().atMost(Duration.ofSeconds(10));
    }

    private record Fixture(UUID tenant, UUID first, UUID second, String eventId, ClaimedDelivery.Event event) {

        NewDelivery row(UUID subscription, boolean leased) {
            return new NewDelivery(eventId, subscription, tenant, "chat.message", Instant.now(), event, leased);
        }
    }
}
