package io.hookgate.subscription.index;

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
 * In-memory subscriber index. Fan-out never queries PostgreSQL per event: before each Kafka batch the
 * intake asks {@link #current()}, which costs one tiny version query and reloads only when a
 * subscription or tenant scope changed (committed changes bump the version in the same transaction).
 */
@ApplicationScoped
public class SubscriberIndex {

    private static final String LOAD = """
            SELECT v.version, s.id, s.tenant_id, s.event_types, s.channels, s.created_at,
                   t.channels AS tenant_channels
              FROM index_version v
              LEFT JOIN (subscriptions s JOIN tenants t ON t.id = s.tenant_id) ON s.status = 'active'""";

    private final Pool pool;
    private final AtomicReference<IndexSnapshot> snapshot = new AtomicReference<>(IndexSnapshot.EMPTY);

    public SubscriberIndex(Pool pool) {
        this.pool = pool;
    }

    /** The last loaded snapshot, possibly stale; for gauges and diagnostics. */
    public IndexSnapshot snapshot() {
        return snapshot.get();
    }

    /** A snapshot at least as new as every subscription change committed before this call. */
    public Uni<IndexSnapshot> current() {
        return pool.query("SELECT version FROM index_version").execute()
                .map(rows -> rows.iterator().next().getLong("version"))
                .chain(version -> version == snapshot.get().version() ? Uni.createFrom().item(snapshot.get()) : reload());
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
                Set.copyOf(Arrays.asList(row.getArrayOfStrings("event_types"))), created.toInstant());
        String[] channels = row.getArrayOfStrings("channels");
        return new IndexSnapshot.Row(s, channels == null ? null : Set.copyOf(Arrays.asList(channels)),
                Set.copyOf(Arrays.asList(row.getArrayOfStrings("tenant_channels"))));
    }
}
