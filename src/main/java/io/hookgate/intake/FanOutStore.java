package io.hookgate.intake;

import io.hookgate.delivery.ClaimedDelivery;
import io.hookgate.delivery.DeliveryQueue;
import io.hookgate.delivery.Handoff;
import io.hookgate.delivery.NewDelivery;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Pool pool;
    private final DeliveryQueue queue;

    public FanOutStore(Pool pool, DeliveryQueue queue) {
        this.pool = pool;
        this.queue = queue;
    }

    public record EventRow(String id, String type, String channel, OffsetDateTime occurredAt, String occurredAtText,
            String payload) {
    }

    /** Stores the batch; returns the deliveries stored leased to this replica, ready to send. */
    public Uni<List<ClaimedDelivery>> store(List<EventRow> events, List<NewDelivery> deliveries, Handoff handoff) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return retrying(() -> pool.withTransaction(conn -> conn.preparedQuery(INSERT_EVENTS).execute(eventsTuple(events))
                .chain(() -> queue.enqueue(conn, deliveries, handoff.lease(), handoff.owner()))));
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
}
