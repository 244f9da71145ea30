package io.hookgate.subscription.index;

import io.hookgate.subscription.SubscriptionMode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * In-memory subscriber index. Fan-out never queries PostgreSQL per event: the intake matches a Kafka
 * batch against {@link #snapshot()}, and its store statement stores only if {@code index_version} still
 * equals the snapshot's version (committed changes bump it in the same transaction); otherwise the
 * intake calls {@link #reload()} and matches again.
 */
@ApplicationScoped
public class SubscriberIndex {

    private static final String LOAD = """
            SELECT v.version, s.id, s.tenant_id, s.mode, s.event_types, s.channels, s.created_at,
                   t.channels AS tenant_channels
              FROM index_version v
              LEFT JOIN (subscriptions s JOIN tenants t ON t.id = s.tenant_id) ON s.status = 'active'""";

    private final Pool pool;
    private final AtomicReference<IndexSnapshot> snapshot = new AtomicReference<>(IndexSnapshot.EMPTY);

    public SubscriberIndex(Pool pool) {
        this.pool = pool;
    }

    /** The last loaded snapshot, possibly stale: the intake matches with it and its store checks the version. */
    public IndexSnapshot snapshot() {
        return snapshot.get();
    }

    /** Reads every active subscription in one consistent statement and swaps the snapshot. */
    public Uni<IndexSnapshot> reload() {
        return pool.query(LOAD).execute().map(rows -> {
            long version = -1;
            List<IndexSnapshot.Row> loaded = new ArrayList<>();
            for (Row row : rows) {
                version = row.getLong("version");
                if (row.getUUID("id") != null) {
                    loaded.add(toRow(row));
                }
            }
            return IndexSnapshot.build(version, loaded);
        }).invoke(this::swap);
    }

    private void swap(IndexSnapshot next) {
        IndexSnapshot previous = snapshot.getAndUpdate(s -> next.version() >= s.version() ? next : s);
        if (previous.version() != next.version()) {
            Log.debugf("subscriber index at version %d: %d subscriptions", next.version(), next.size());
        }
    }

    private static IndexSnapshot.Row toRow(Row row) {
        OffsetDateTime created = row.getOffsetDateTime("created_at");
        IndexedSubscription s = new IndexedSubscription(row.getUUID("id"), row.getUUID("tenant_id"),
                Set.copyOf(Arrays.asList(row.getArrayOfStrings("event_types"))), created.toInstant(),
                SubscriptionMode.of(row.getString("mode")).orElseThrow());
        String[] channels = row.getArrayOfStrings("channels");
        return new IndexSnapshot.Row(s, channels == null ? null : Set.copyOf(Arrays.asList(channels)),
                Set.copyOf(Arrays.asList(row.getArrayOfStrings("tenant_channels"))));
    }
}
