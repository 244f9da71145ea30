package io.hookgate.inbound.ingest;

import io.hookgate.inbound.InboundConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * Replay dedupe of delivery ids in PostgreSQL ({@code inbound_deliveries}), so it holds across restarts and
 * replicas. A request claims its (source, delivery id) before producing and marks it acked after the broker
 * acknowledged; a failed produce releases the claim so the sender's retry is not mistaken for a replay. A claim
 * older than the window, or an unacked one older than {@link #staleAfter}, is taken over: its request died.
 */
@ApplicationScoped
public class DedupeStore {

    // one statement: insert, or take over an expired or abandoned row; RETURNING says whether we own it
    private static final String CLAIM = "INSERT INTO inbound_deliveries (source_id, delivery_id, record_id)"
            + " VALUES ($1, $2, $3) ON CONFLICT (source_id, delivery_id) DO UPDATE"
            + " SET record_id = EXCLUDED.record_id, acked = false, claimed_at = now()"
            + " WHERE inbound_deliveries.claimed_at < now() - make_interval(secs => $4)"
            + " OR (NOT inbound_deliveries.acked AND inbound_deliveries.claimed_at < now() - make_interval(secs => $5))"
            + " RETURNING record_id";

    private final Pool pool;
    private final Duration window;
    private final Duration staleAfter;

    public DedupeStore(Pool pool, InboundConfig config) {
        this.pool = pool;
        this.window = config.dedupeWindow();
        // a request that waited this long for the broker has answered 503 and released, or its replica died
        this.staleAfter = config.brokerTimeout().multipliedBy(3);
    }

    /** The outcome of a claim. */
    public sealed interface Claim {
        /** This request owns the delivery id and must produce, then {@link #ack} or {@link #release}. */
        record Owned() implements Claim {
        }

        /** Already produced and acknowledged within the window, as {@code recordId}. */
        record Duplicate(String recordId) implements Claim {
        }

        /** Another request holds it and has not been acknowledged yet. */
        record InProgress() implements Claim {
        }
    }

    public Uni<Claim> claim(UUID sourceId, String deliveryId, String recordId) {
        Tuple params = Tuple.tuple().addUUID(sourceId).addString(deliveryId).addString(recordId)
                .addDouble((double) window.toSeconds()).addDouble((double) staleAfter.toSeconds());
        return pool.preparedQuery(CLAIM).execute(params).chain(rows -> rows.size() > 0
                ? Uni.createFrom().item((Claim) new Claim.Owned())
                : existing(sourceId, deliveryId));
    }

    private Uni<Claim> existing(UUID sourceId, String deliveryId) {
        return pool.preparedQuery("SELECT record_id, acked FROM inbound_deliveries"
                + " WHERE source_id = $1 AND delivery_id = $2").execute(Tuple.of(sourceId, deliveryId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        // released between the two statements: the sender may simply retry
                        return new Claim.InProgress();
                    }
                    Row row = rows.iterator().next();
                    return row.getBoolean("acked") ? new Claim.Duplicate(row.getString("record_id"))
                            : new Claim.InProgress();
                });
    }

    public Uni<Void> ack(UUID sourceId, String deliveryId, String recordId) {
        return pool.preparedQuery("UPDATE inbound_deliveries SET acked = true"
                + " WHERE source_id = $1 AND delivery_id = $2 AND record_id = $3")
                .execute(Tuple.of(sourceId, deliveryId, recordId)).replaceWithVoid();
    }

    public Uni<Void> release(UUID sourceId, String deliveryId, String recordId) {
        return pool.preparedQuery("DELETE FROM inbound_deliveries"
                + " WHERE source_id = $1 AND delivery_id = $2 AND record_id = $3 AND NOT acked")
                .execute(Tuple.of(sourceId, deliveryId, recordId)).replaceWithVoid();
    }

    /** Deletes up to {@code batch} rows older than the window; the number deleted. */
    public Uni<Integer> purgeExpired(int batch) {
        return pool.preparedQuery("DELETE FROM inbound_deliveries WHERE ctid IN (SELECT ctid FROM"
                + " inbound_deliveries WHERE claimed_at < now() - make_interval(secs => $1) LIMIT $2)")
                .execute(Tuple.of((double) window.toSeconds(), batch)).map(rows -> rows.rowCount());
    }
}
