package io.hookgate.delivery.log;

import io.hookgate.api.Cursor;
import io.hookgate.delivery.policy.DeliveryStatus;
import io.hookgate.ops.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivery log queries. Every statement takes the caller's tenant (NULL for the admin), so a tenant
 * key can never read or change another tenant's rows.
 */
@ApplicationScoped
public class DeliveryLogRepository {

    private static final String COLUMNS = """
            id, event_id, subscription_id, event_type, status, attempts, last_status_code, last_error,
            created_at, next_attempt_at, delivered_at""";
    private static final String LIST = "SELECT " + COLUMNS + """
             FROM deliveries
            WHERE subscription_id = $1 AND ($2::uuid IS NULL OR tenant_id = $2)
              AND ($3::text IS NULL OR status = $3)
              AND ($4::timestamptz IS NULL OR (created_at, id) < ($4, $5))
            ORDER BY created_at DESC, id DESC
            LIMIT $6""";
    private static final String GET = "SELECT " + COLUMNS
            + " FROM deliveries WHERE id = $1 AND ($2::uuid IS NULL OR tenant_id = $2)";
    private static final String ATTEMPTS = """
            SELECT n, at, status_code, latency_ms, error, response_excerpt FROM attempts
             WHERE delivery_id = $1 ORDER BY n""";
    private static final String REDELIVER = """
            UPDATE deliveries SET status = 'pending', cycle_attempts = 0, next_attempt_at = now(),
                                  lease_owner = NULL
             WHERE id = $1 AND ($2::uuid IS NULL OR tenant_id = $2) AND status <> 'pending'
            RETURNING id""";
    private static final String RECOVER = """
            UPDATE deliveries SET status = 'pending', cycle_attempts = 0, next_attempt_at = now(),
                                  lease_owner = NULL
             WHERE subscription_id = $1 AND status = 'failed' AND created_at >= $2
               AND ($3::timestamptz IS NULL OR created_at < $3)""";
    private static final String INSERT_PING_EVENT = """
            INSERT INTO events (id, event_type, channel, occurred_at, occurred_at_text, payload)
            VALUES ($1, 'webhook.ping', '', $2, $3, $4)""";
    private static final String INSERT_PING_DELIVERY = """
            INSERT INTO deliveries (id, event_id, subscription_id, tenant_id, event_type, status, next_attempt_at,
                                    source_at)
            VALUES ($1, $2, $3, $4, 'webhook.ping', 'pending', now(), $5)""";

    private final Pool pool;

    public DeliveryLogRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<DeliveryViews.Delivery>> list(UUID subscriptionId, UUID tenant, String status, Cursor after,
            int limit) {
        Tuple args = Tuple.tuple().addUUID(subscriptionId).addUUID(tenant).addString(status)
                .addOffsetDateTime(after == null ? null : after.createdAt().atOffset(ZoneOffset.UTC))
                .addUUID(after == null ? null : after.id()).addInteger(limit);
        return pool.preparedQuery(LIST).execute(args).map(rows -> {
            List<DeliveryViews.Delivery> out = new ArrayList<>();
            rows.forEach(r -> out.add(delivery(r)));
            return out;
        });
    }

    public Uni<Optional<DeliveryViews.DeliveryWithAttempts>> get(UUID id, UUID tenant) {
        return pool.preparedQuery(GET).execute(Tuple.of(id, tenant)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(Optional.empty());
            }
            DeliveryViews.Delivery d = delivery(rows.iterator().next());
            return pool.preparedQuery(ATTEMPTS).execute(Tuple.of(id)).map(attempts -> {
                List<DeliveryViews.Attempt> log = new ArrayList<>();
                attempts.forEach(a -> log.add(new DeliveryViews.Attempt(a.getInteger("n"), instant(a, "at"),
                        a.getInteger("status_code"), a.getInteger("latency_ms"), a.getString("error"),
                        a.getString("response_excerpt"))));
                return Optional.of(DeliveryViews.DeliveryWithAttempts.of(d, log));
            });
        });
    }

    /** Starts a fresh cycle of attempts; false if there is no such delivery or it is already pending. */
    public Uni<Boolean> redeliver(UUID id, UUID tenant) {
        return pool.preparedQuery(REDELIVER).execute(Tuple.of(id, tenant)).map(rows -> rows.size() > 0);
    }

    public Uni<Integer> recover(UUID subscriptionId, Instant since, Instant until) {
        Tuple args = Tuple.tuple().addUUID(subscriptionId).addOffsetDateTime(since.atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(until == null ? null : until.atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(RECOVER).execute(args).map(rows -> rows.rowCount());
    }

    /** Stores a webhook.ping event and its delivery; the dispatcher signs and sends it like any other. */
    public Uni<UUID> ping(String eventId, UUID subscriptionId, UUID tenantId, Instant now, String payload) {
        UUID deliveryId = Ids.newId();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return pool.withTransaction(conn -> conn.preparedQuery(INSERT_PING_EVENT)
                .execute(Tuple.of(eventId, at, now.toString(), payload))
                .chain(() -> conn.preparedQuery(INSERT_PING_DELIVERY)
                        .execute(Tuple.of(deliveryId, eventId, subscriptionId, tenantId, at)))
                .replaceWith(deliveryId));
    }

    private static DeliveryViews.Delivery delivery(Row r) {
        return new DeliveryViews.Delivery(r.getUUID("id"), r.getString("event_id"), r.getUUID("subscription_id"),
                r.getString("event_type"), r.getString("status"), r.getInteger("attempts"),
                r.getInteger("last_status_code"), r.getString("last_error"), instant(r, "created_at"),
                DeliveryStatus.PENDING.value().equals(r.getString("status")) ? instant(r, "next_attempt_at") : null,
                instant(r, "delivered_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
