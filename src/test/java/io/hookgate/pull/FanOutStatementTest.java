package io.hookgate.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.delivery.ClaimedDelivery;
import io.hookgate.delivery.DeliveryStore;
import io.hookgate.delivery.Dispatcher;
import io.hookgate.delivery.Handoff;
import io.hookgate.delivery.NewDelivery;
import io.hookgate.delivery.NewEvent;
import io.hookgate.delivery.NewPullMessage;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.PreparedQuery;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Query;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fan-out store stays one statement per Kafka batch with pull messages in it, and is idempotent for them. */
@QuarkusTest
class FanOutStatementTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;
    @Inject
    Dispatcher dispatcher;

    @Test
    void aBatchOf500WithPushAndPullMatchesIsOneStatementAndStoringItAgainAddsNothing() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        UUID pull = UUID.fromString(PullApi.pull(tenant, List.of(room), null).id());
        UUID tenantId = UUID.fromString(tenant.id());
        CountingPool counting = new CountingPool(pool);
        DeliveryStore store = new DeliveryStore(counting);

        Batch batch = batch(room, 500, null, tenantId, pull);
        long version = version();
        DeliveryStore.Enqueued first = enqueue(store, version, batch);
        assertThat(counting.statements.get()).isEqualTo(1);
        assertThat(first.indexVersion()).isEqualTo(version);
        assertThat(count("SELECT count(*) FROM pull_messages WHERE subscription_id = $1", pull)).isEqualTo(500);

        enqueue(store, version, batch);
        assertThat(counting.statements.get()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM pull_messages WHERE subscription_id = $1", pull)).isEqualTo(500);
        // a stale index version stores nothing, pull messages included
        Batch other = batch(room, 10, null, tenantId, pull);
        assertThat(enqueue(store, version - 1, other).indexVersion()).isEqualTo(version);
        assertThat(count("SELECT count(*) FROM pull_messages WHERE subscription_id = $1", pull)).isEqualTo(500);
    }

    private DeliveryStore.Enqueued enqueue(DeliveryStore store, long version, Batch batch) {
        Handoff handoff = dispatcher.reserve(0);
        try {
            return store.enqueue(version, batch.events, batch.deliveries, batch.pulls, handoff).await().atMost(WAIT);
        } finally {
            dispatcher.handOff(handoff, List.of());
        }
    }

    private record Batch(List<NewEvent> events, List<NewDelivery> deliveries, List<NewPullMessage> pulls) {
    }

    private static Batch batch(String room, int n, UUID push, UUID tenantId, UUID pull) {
        List<NewEvent> events = new ArrayList<>();
        List<NewDelivery> deliveries = new ArrayList<>();
        List<NewPullMessage> pulls = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < n; i++) {
            String payload = new String(ChatEvents.text(room, UUID.randomUUID().toString(), "m" + i),
                    StandardCharsets.UTF_8);
            String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
            events.add(new NewEvent(id, "chat.message", room, now, now.toString(), payload));
            if (push != null) {
                deliveries.add(new NewDelivery(id, push, tenantId, "chat.message", Instant.now(),
                        new ClaimedDelivery.Event(now.toString(), payload), false));
            }
            if (pull != null) {
                pulls.add(new NewPullMessage(id, pull, "chat.message", payload.length()));
            }
        }
        return new Batch(events, deliveries, pulls);
    }

    private long version() {
        return pool.query("SELECT version FROM index_version").execute().await().atMost(WAIT).iterator().next()
                .getLong("version");
    }

    private long count(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    /** The real pool, counting the statements issued through it. */
    private static final class CountingPool extends Pool {
        private final AtomicInteger statements = new AtomicInteger();

        CountingPool(Pool real) {
            super(real.getDelegate());
        }

        @Override
        public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
            statements.incrementAndGet();
            return super.preparedQuery(sql);
        }

        @Override
        public Query<RowSet<Row>> query(String sql) {
            statements.incrementAndGet();
            return super.query(sql);
        }
    }
}
