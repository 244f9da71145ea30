package io.hookgate.delivery;

import io.hookgate.ops.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way new deliveries enter the queue: a batch's events, delivery rows and pull messages (SPEC 11) in one
 * statement (one round trip, atomic without BEGIN and COMMIT), whatever the batch size. It stores only if the subscriber index the
 * batch was matched with is still current, and returns the rows leased to this replica, ready to send.
 * Idempotent: storing the same events again inserts nothing new.
 */
@ApplicationScoped
public class DeliveryStore {

    private static final String ENQUEUE = """
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
                          source_at, first_attempt_at, next_attempt_at, lease_owner),
            pulled AS (
                INSERT INTO pull_messages (subscription_id, event_id, event_type, bytes)
                SELECT * FROM unnest($17::uuid[], $18::text[], $19::text[], $20::int[])
                 WHERE EXISTS (SELECT 1 FROM current_index)
                ON CONFLICT (subscription_id, event_id) DO NOTHING)
            SELECT v.version AS index_version, c.*, %s
              FROM v LEFT JOIN (inserted c JOIN subscriptions s ON s.id = c.subscription_id)
                ON c.lease_owner IS NOT NULL""".formatted(DeliveryQueue.SUBSCRIPTION_COLUMNS);

    private final Pool pool;

    public DeliveryStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * The store's answer. {@code indexVersion} is the committed subscriber-index version; when it differs
     * from the one the batch was matched with, nothing was stored and the batch must be matched again.
     */
    public record Enqueued(long indexVersion, List<ClaimedDelivery> leased) {
    }

    /** Stores the events and their deliveries if {@code indexVersion} is still current (one attempt, no retry). */
    public Uni<Enqueued> enqueue(long indexVersion, List<NewEvent> events, List<NewDelivery> deliveries,
            Handoff handoff) {
        return enqueue(indexVersion, events, deliveries, List.of(), handoff);
    }

    /** Also stores pull messages, in the same statement: a batch is still one round trip. */
    public Uni<Enqueued> enqueue(long indexVersion, List<NewEvent> events, List<NewDelivery> deliveries,
            List<NewPullMessage> pulls, Handoff handoff) {
        Map<String, ClaimedDelivery.Event> payloads = new HashMap<>();
        deliveries.forEach(d -> payloads.putIfAbsent(d.eventId(), d.event()));
        Tuple args = arguments(indexVersion, events, deliveries, handoff);
        addPulls(args, pulls);
        return pool.preparedQuery(ENQUEUE).execute(args).map(rows -> {
            long version = -1;
            List<ClaimedDelivery> leased = new ArrayList<>();
            for (Row row : rows) {
                version = row.getLong("index_version");
                if (row.getUUID("id") != null) {
                    leased.add(DeliveryQueue.fresh(row, payloads.get(row.getString("event_id"))));
                }
            }
            return new Enqueued(version, leased);
        });
    }

    private static Tuple arguments(long indexVersion, List<NewEvent> events, List<NewDelivery> deliveries,
            Handoff handoff) {
        Tuple args = Tuple.tuple().addLong(indexVersion);
        addEvents(args, events);
        addDeliveries(args, deliveries);
        return args.addDouble(handoff.lease().toMillis() / 1000.0).addString(handoff.owner());
    }

    private static void addEvents(Tuple args, List<NewEvent> events) {
        int n = events.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] channels = new String[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        String[] texts = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
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

    private static void addPulls(Tuple args, List<NewPullMessage> rows) {
        int n = rows.size();
        UUID[] subscriptions = new UUID[n];
        String[] eventIds = new String[n];
        String[] types = new String[n];
        Integer[] bytes = new Integer[n];
        for (int i = 0; i < n; i++) {
            NewPullMessage m = rows.get(i);
            subscriptions[i] = m.subscriptionId();
            eventIds[i] = m.eventId();
            types[i] = m.eventType();
            bytes[i] = m.bytes();
        }
        args.addArrayOfUUID(subscriptions).addArrayOfString(eventIds).addArrayOfString(types)
                .addArrayOfInteger(bytes);
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
