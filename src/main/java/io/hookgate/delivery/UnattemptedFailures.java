package io.hookgate.delivery;

import io.hookgate.delivery.policy.DeliveryOutcome;
import io.hookgate.ops.OperationsPublisher;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Deliveries that fail without an attempt (SPEC §3): their subscription is disabled, or their event outlived the
 * subscription's {@code expire_after}. No attempt row, no request, no change to the subscription's failure clock:
 * the row is marked failed with the reason and dead-lettered through the usual outbox.
 */
@ApplicationScoped
public class UnattemptedFailures {

    /** Why a delivery failed without an attempt; {@link #code()} is its {@code last_error}. */
    public enum Reason {
        SUBSCRIPTION_DISABLED(DeliveryOutcome.FAILED), EXPIRED(DeliveryOutcome.EXPIRED);

        private final DeliveryOutcome outcome;

        Reason(DeliveryOutcome outcome) {
            this.outcome = outcome;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    // last_attempt_at stays that of the last real attempt; rows without one get now, for the outbox sweeper
    private static final String FAILED = "SET status = 'failed', last_error = $2, lease_owner = NULL, held = false,"
            + " last_attempt_at = COALESCE(last_attempt_at, now())";
    private static final String FAIL_LEASED = "UPDATE deliveries " + FAILED
            + " WHERE id = ANY($1) AND lease_owner = $3 AND status = 'pending'"
            + " RETURNING id, subscription_id, tenant_id, attempts";
    /** Leased rows too: an attempt in flight then finds its lease gone and leaves the row failed. */
    private static final String FAIL_PENDING_OF = "UPDATE deliveries " + FAILED
            + " WHERE subscription_id = $1 AND status = 'pending' RETURNING id, subscription_id, tenant_id, attempts";

    private final Pool pool;
    private final DeliveryMetrics metrics;
    private final DeadLetterPublisher deadLetters;
    private final OperationsPublisher operations;

    public UnattemptedFailures(Pool pool, DeliveryMetrics metrics, DeadLetterPublisher deadLetters,
            OperationsPublisher operations) {
        this.pool = pool;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.operations = operations;
    }

    /** Fails rows this replica holds leased; a row whose lease moved on meanwhile is left to its new owner. */
    public void failLeased(List<ClaimedDelivery> rows, Reason reason, String owner) {
        if (rows.isEmpty()) {
            return;
        }
        UUID[] ids = rows.stream().map(ClaimedDelivery::id).toArray(UUID[]::new);
        pool.preparedQuery(FAIL_LEASED).execute(Tuple.of(ids, reason.code(), owner))
                .subscribe().with(done -> after(done, reason), e -> Log.warnf(
                        "failing %d deliveries as %s failed; their leases will expire: %s", ids.length, reason.code(), e));
    }

    /** Fails every pending delivery of a subscription that was just disabled; completes with how many. */
    public Uni<Integer> failPendingOf(UUID subscriptionId) {
        return pool.preparedQuery(FAIL_PENDING_OF)
                .execute(Tuple.of(subscriptionId, Reason.SUBSCRIPTION_DISABLED.code()))
                .invoke(done -> after(done, Reason.SUBSCRIPTION_DISABLED))
                .map(RowSet::rowCount);
    }

    private void after(RowSet<Row> done, Reason reason) {
        List<UUID> ids = new ArrayList<>(done.rowCount());
        for (Row row : done) {
            ids.add(row.getUUID("id"));
            if (reason == Reason.EXPIRED) {
                operations.fire("delivery.exhausted", row.getUUID("subscription_id"), row.getUUID("tenant_id"),
                        "delivery " + row.getUUID("id") + " expired after " + row.getInteger("attempts") + " attempts");
            }
        }
        if (!ids.isEmpty()) {
            metrics.recordUnattempted(reason.outcome, ids.size());
            deadLetters.publish(ids);
        }
    }
}
