package io.hookgate.intake;

import io.hookgate.delivery.ClaimedDelivery;
import io.hookgate.delivery.DeliveryQueue;
import io.hookgate.delivery.Handoff;
import io.hookgate.delivery.NewDelivery;
import io.hookgate.ops.Ids;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Stores a batch's events and delivery rows in one statement (one round trip, atomic without BEGIN and
 * COMMIT), whatever the batch size. It stores only if the subscriber index the batch was matched with is
 * still current, and returns the rows leased to this replica, ready to send. Idempotent: re-consuming a
 * record after a rebalance or crash inserts nothing new.
 */
@ApplicationScoped
public class FanOutStore {

    private static final String STORE = """
            WITH v AS (SELECT version FROM index_version),
            current_index AS (SELECT 1 FROM v WHERE v.version = $1),
            stored_events AS (
                INSERT INTO events (id, event_type, channel, occurred_at, occurred_at_text, payload)
                SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[])
                 WHERE EXISTS (SELECT 1 FROM current_index)
                ON CONFLICT (id) DO NOTHING),
            inserted AS (
                INSERT INTO deliveries (id, event_id, subscription_id, tenant_id, event_type, status,
                                        next_attempt_at, lease_owner, source_at)
                SELECT u.id, u.event_id, u.subscription_id, u.tenant_id, u.event_type, 'pending',
                       CASE WHEN u.leased THEN now() + make_interval(secs => $15) ELSE now() END,
                       CASE WHEN u.leased THEN $16 END, u.source_at
                  FROM unnest($8::uuid[], $9::text[], $10::uuid[], $11::uuid[], $12::text[], $13::timestamptz[],
                              $14::bool[]) AS u(id, event_id, subscription_id, tenant_id, event_type, source_at, leased)
                 WHERE EXISTS (SELECT 1 FROM current_index)
                ON CONFLICT (event_id, subscription_id) DO NOTHING
                RETURNING id, event_id, subscription_id, tenant_id, event_type, attempts, cycle_attempts,
                          source_at, first_attempt_at, next_attempt_at, lease_owner)
            SELECT v.version AS index_version, c.*, %s
              FROM v LEFT JOIN (inserted c JOIN subscriptions s ON s.id = c.subscription_id)
                ON c.lease_owner IS NOT NULL""".formatted(DeliveryQueue.SUBSCRIPTION_COLUMNS);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Pool pool;
    private final Patience outages;

    public FanOutStore(Pool pool) {
        this.pool = pool;
        this.outages = Patience.untilItWorks("intake store", FIRST_BACKOFF, MAX_BACKOFF, StoreRejectedException.class,
                e -> Log.warnf("intake is waiting for PostgreSQL: %s", e.toString()));
    }

    public record EventRow(String id, String type, String channel, OffsetDateTime occurredAt, String occurredAtText,
            String payload) {
    }

    /**
     * The store's answer. {@code indexVersion} is the committed subscriber-index version; when it differs
     * from the one the batch was matched with, nothing was stored and the batch must be matched again.
     */
    public record Stored(long indexVersion, List<ClaimedDelivery> leased) {
    }

    /**
     * Stores the batch if {@code indexVersion} is still current. Transient failures are retried until PostgreSQL
     * answers; a data or integrity error fails with {@link StoreRejectedException} (see {@link StoreErrors}).
     */
    public Uni<Stored> store(long indexVersion, List<EventRow> events, List<NewDelivery> deliveries,
            Handoff handoff) {
        Map<String, ClaimedDelivery.Event> payloads = new HashMap<>();
        deliveries.forEach(d -> payloads.putIfAbsent(d.eventId(), d.event()));
        Tuple args = arguments(indexVersion, events, deliveries, handoff);
        return retrying(() -> pool.preparedQuery(STORE).execute(args)).map(rows -> {
            long version = -1;
            List<ClaimedDelivery> leased = new ArrayList<>();
            for (Row row : rows) {
                version = row.getLong("index_version");
                if (row.getUUID("id") != null) {
                    leased.add(DeliveryQueue.fresh(row, payloads.get(row.getString("event_id"))));
                }
            }
            return new Stored(version, leased);
        });
    }

    /**
     * Retries a database step while its failures are transient: a PostgreSQL outage must delay intake, never
     * dead-letter valid events or stop the consumer. Offsets stay uncommitted meanwhile. A failure caused by the
     * data of a record ends the retries as {@link StoreRejectedException}: retrying it would stall the partition.
     */
    public <T> Uni<T> retrying(Supplier<Uni<T>> step) {
        return outages.run(() -> Uni.createFrom().deferred(step::get)
                .onFailure(e -> StoreErrors.classify(e) == StoreErrors.Kind.REJECTED)
                .transform(StoreRejectedException::new));
    }

    private static Tuple arguments(long indexVersion, List<EventRow> events, List<NewDelivery> deliveries,
            Handoff handoff) {
        Tuple args = Tuple.tuple().addLong(indexVersion);
        addEvents(args, events);
        addDeliveries(args, deliveries);
        return args.addDouble(handoff.lease().toMillis() / 1000.0).addString(handoff.owner());
    }

    private static void addEvents(Tuple args, List<EventRow> events) {
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
        args.addArrayOfString(ids).addArrayOfString(types).addArrayOfString(channels)
                .addArrayOfOffsetDateTime(occurred).addArrayOfString(texts).addArrayOfString(payloads);
    }

    private static void addDeliveries(Tuple args, List<NewDelivery> rows) {
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
        args.addArrayOfUUID(ids).addArrayOfString(eventIds).addArrayOfUUID(subscriptions).addArrayOfUUID(tenants)
                .addArrayOfString(types).addArrayOfOffsetDateTime(sourceAt).addArrayOfBoolean(leased);
    }
}
