package io.hookgate.intake;

import io.hookgate.ops.Ids;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Stores a batch's events and delivery rows in one transaction, two statements whatever the batch
 * size. Idempotent: re-consuming a record after a rebalance or crash inserts nothing new.
 */
@ApplicationScoped
public class FanOutStore {

    private static final String INSERT_EVENTS = """
            INSERT INTO events (id, event_type, channel, occurred_at, occurred_at_text, payload)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[])
            ON CONFLICT (id) DO NOTHING""";
    private static final String INSERT_DELIVERIES = """
            INSERT INTO deliveries (id, event_id, subscription_id, tenant_id, event_type, status,
                                    next_attempt_at, source_at)
            SELECT u.id, u.event_id, u.subscription_id, u.tenant_id, u.event_type, 'pending', now(), u.source_at
              FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[])
                   AS u(id, event_id, subscription_id, tenant_id, event_type, source_at)
            ON CONFLICT (event_id, subscription_id) DO NOTHING""";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Pool pool;

    public FanOutStore(Pool pool) {
        this.pool = pool;
    }

    public record EventRow(String id, String type, String channel, OffsetDateTime occurredAt, String occurredAtText,
            String payload) {
    }

    public record DeliveryRow(String eventId, UUID subscriptionId, UUID tenantId, String type, Instant sourceAt) {
    }

    public Uni<Void> store(List<EventRow> events, List<DeliveryRow> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return retrying(() -> pool.withTransaction(conn -> conn.preparedQuery(INSERT_EVENTS).execute(eventsTuple(events))
                .chain(() -> conn.preparedQuery(INSERT_DELIVERIES).execute(deliveriesTuple(deliveries)))
                .replaceWithVoid()));
    }

    /**
     * Retries a database step until it succeeds: a PostgreSQL outage must delay intake, never
     * dead-letter valid events or stop the consumer. Offsets stay uncommitted meanwhile.
     */
    public <T> Uni<T> retrying(Supplier<Uni<T>> step) {
        return Uni.createFrom().deferred(step::get)
                .onFailure().invoke(e -> Log.warnf("intake is waiting for PostgreSQL: %s", e.toString()))
                .onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).indefinitely();
    }

    private static Tuple eventsTuple(List<EventRow> events) {
        int n = events.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] channels = new String[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        String[] texts = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            EventRow e = events.get(i);
            ids[i] = e.id();
            types[i] = e.type();
            channels[i] = e.channel();
            occurred[i] = e.occurredAt();
            texts[i] = e.occurredAtText();
            payloads[i] = e.payload();
        }
        return Tuple.tuple().addArrayOfString(ids).addArrayOfString(types).addArrayOfString(channels)
                .addArrayOfOffsetDateTime(occurred).addArrayOfString(texts).addArrayOfString(payloads);
    }

    private static Tuple deliveriesTuple(List<DeliveryRow> rows) {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] eventIds = new String[n];
        UUID[] subscriptions = new UUID[n];
        UUID[] tenants = new UUID[n];
        String[] types = new String[n];
        OffsetDateTime[] sourceAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            DeliveryRow d = rows.get(i);
            ids[i] = Ids.newId();
            eventIds[i] = d.eventId();
            subscriptions[i] = d.subscriptionId();
            tenants[i] = d.tenantId();
            types[i] = d.type();
            sourceAt[i] = d.sourceAt().atOffset(ZoneOffset.UTC);
        }
        return Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(eventIds).addArrayOfUUID(subscriptions)
                .addArrayOfUUID(tenants).addArrayOfString(types).addArrayOfOffsetDateTime(sourceAt);
    }
}
