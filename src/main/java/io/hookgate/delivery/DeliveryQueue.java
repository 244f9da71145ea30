package io.hookgate.delivery;

import io.hookgate.ops.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The deliveries table used as a queue. Claiming moves next_attempt_at forward by the lease, so rows of
 * a crashed replica become due again by themselves; SKIP LOCKED lets replicas claim side by side.
 * NO KEY UPDATE, not UPDATE: it must not block the foreign-key share locks of attempt inserts.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** What an attempt needs of its subscription, read in the same statement that leases the row. */
    private static final String SUBSCRIPTION_COLUMNS = """
            s.url, s.format, s.status AS sub_status, s.secret_key_version, s.secret_ciphertext,
            s.previous_key_version, s.previous_ciphertext, s.previous_expires_at, s.failing_since""";

    /**
     * Stores fresh deliveries; the leased ones come back joined with their subscription so the intake can
     * hand them to the lanes without a claim round trip. Re-consumed records insert (and return) nothing.
     */
    private static final String ENQUEUE = """
            WITH inserted AS (
                INSERT INTO deliveries (id, event_id, subscription_id, tenant_id, event_type, status,
                                        next_attempt_at, lease_owner, source_at)
                SELECT u.id, u.event_id, u.subscription_id, u.tenant_id, u.event_type, 'pending',
                       CASE WHEN u.leased THEN now() + make_interval(secs => $8) ELSE now() END,
                       CASE WHEN u.leased THEN $9 END, u.source_at
                  FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[],
                              $7::bool[]) AS u(id, event_id, subscription_id, tenant_id, event_type, source_at, leased)
                ON CONFLICT (event_id, subscription_id) DO NOTHING
                RETURNING id, event_id, subscription_id, tenant_id, event_type, attempts, cycle_attempts,
                          source_at, first_attempt_at, next_attempt_at, lease_owner)
            SELECT c.*, %s
              FROM inserted c
              JOIN subscriptions s ON s.id = c.subscription_id
             WHERE c.lease_owner IS NOT NULL""".formatted(SUBSCRIPTION_COLUMNS);

    private static final String CLAIM = """
            WITH claimed AS (
                UPDATE deliveries d
                   SET next_attempt_at = now() + make_interval(secs => $3), lease_owner = $4
                  FROM (SELECT id FROM deliveries
                         WHERE status = 'pending' AND next_attempt_at <= now()
                           AND NOT (subscription_id = ANY($2))
                         ORDER BY next_attempt_at
                         LIMIT $1
                           FOR NO KEY UPDATE SKIP LOCKED) due
                 WHERE d.id = due.id
             RETURNING d.id, d.event_id, d.subscription_id, d.tenant_id, d.event_type, d.attempts,
                       d.cycle_attempts, d.source_at, d.first_attempt_at, d.next_attempt_at)
            SELECT c.*, %s, e.occurred_at_text, e.payload
              FROM claimed c
              JOIN subscriptions s ON s.id = c.subscription_id
              JOIN events e ON e.id = c.event_id""".formatted(SUBSCRIPTION_COLUMNS);

    private static final String POSTPONE = """
            UPDATE deliveries d SET next_attempt_at = u.at, lease_owner = NULL
              FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, at)
             WHERE d.id = u.id AND d.lease_owner = $3 AND d.status = 'pending'""";

    private final Pool pool;

    public DeliveryQueue(Pool pool) {
        this.pool = pool;
    }

    /** Leases up to {@code limit} due deliveries, skipping subscriptions whose endpoint cannot take more. */
    public Uni<List<ClaimedDelivery>> claim(int limit, Collection<UUID> excludedSubscriptions, Duration lease,
            String owner) {
        Tuple args = Tuple.of(limit).addArrayOfUUID(excludedSubscriptions.toArray(UUID[]::new))
                .addDouble(lease.toMillis() / 1000.0).addString(owner);
        return pool.preparedQuery(CLAIM).execute(args).map(rows -> {
            List<ClaimedDelivery> claimed = new ArrayList<>(rows.size());
            for (Row row : rows) {
                claimed.add(toClaimed(row));
            }
            return claimed;
        });
    }

    /**
     * Inserts fresh deliveries within the caller's transaction and returns the leased ones, ready to send.
     * {@code events} supplies the payloads the intake already holds, so they never travel back.
     */
    public Uni<List<ClaimedDelivery>> enqueue(SqlConnection conn, List<NewDelivery> rows, Duration lease,
            String owner) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, ClaimedDelivery.Event> events = new HashMap<>();
        rows.forEach(r -> events.putIfAbsent(r.eventId(), r.event()));
        return conn.preparedQuery(ENQUEUE).execute(enqueueArgs(rows, lease, owner)).map(result -> {
            List<ClaimedDelivery> leased = new ArrayList<>(result.size());
            for (Row row : result) {
                leased.add(toClaimed(row, events.get(row.getString("event_id"))));
            }
            return leased;
        });
    }

    /** Hands leased rows back without using an attempt: due again at the given instants. */
    public Uni<Void> postpone(List<UUID> ids, List<Instant> dueAt, String owner) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime[] at = dueAt.stream().map(i -> i.atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
        return pool.preparedQuery(POSTPONE)
                .execute(Tuple.tuple().addArrayOfUUID(ids.toArray(UUID[]::new)).addArrayOfOffsetDateTime(at)
                        .addString(owner))
                .replaceWithVoid();
    }

    private static Tuple enqueueArgs(List<NewDelivery> rows, Duration lease, String owner) {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] eventIds = new String[n];
        UUID[] subscriptions = new UUID[n];
        UUID[] tenants = new UUID[n];
        String[] types = new String[n];
        OffsetDateTime[] sourceAt = new OffsetDateTime[n];
        Boolean[] leased = new Boolean[n];
        for (int i = 0; i < n; i++) {
            NewDelivery d = rows.get(i);
            ids[i] = Ids.newId();
            eventIds[i] = d.eventId();
            subscriptions[i] = d.subscriptionId();
            tenants[i] = d.tenantId();
            types[i] = d.eventType();
            sourceAt[i] = d.sourceAt().atOffset(ZoneOffset.UTC);
            leased[i] = d.leased();
        }
        return Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(eventIds).addArrayOfUUID(subscriptions)
                .addArrayOfUUID(tenants).addArrayOfString(types).addArrayOfOffsetDateTime(sourceAt)
                .addArrayOfBoolean(leased).addDouble(lease.toMillis() / 1000.0).addString(owner);
    }

    private static ClaimedDelivery toClaimed(Row row) {
        return toClaimed(row, new ClaimedDelivery.Event(row.getString("occurred_at_text"), row.getString("payload")));
    }

    private static ClaimedDelivery toClaimed(Row row, ClaimedDelivery.Event event) {
        Integer previousVersion = row.getInteger("previous_key_version");
        ClaimedDelivery.Subscription subscription = new ClaimedDelivery.Subscription(row.getString("url"),
                row.getString("format"), row.getString("sub_status"), row.getInteger("secret_key_version"),
                bytes(row, "secret_ciphertext"), previousVersion, bytes(row, "previous_ciphertext"),
                instant(row, "previous_expires_at"), instant(row, "failing_since"));
        return new ClaimedDelivery(row.getUUID("id"), row.getString("event_id"), row.getUUID("subscription_id"),
                row.getUUID("tenant_id"), row.getString("event_type"), row.getInteger("attempts"),
                row.getInteger("cycle_attempts"), instant(row, "source_at"), instant(row, "first_attempt_at"),
                instant(row, "next_attempt_at"), subscription, event);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime t = row.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static byte[] bytes(Row row, String column) {
        var buffer = row.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }
}
