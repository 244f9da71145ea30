package io.hookgate.delivery;

import io.hookgate.ops.OperationsPublisher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Tracks each subscription's run of failures: 410 disables at once, {@code disable-after} of failure
 * disables, and the first success after failures is announced. Statements run only on transitions.
 * A disable fails the subscription's other pending deliveries at once ({@link DisabledSubscriptions}).
 */
@ApplicationScoped
public class SubscriptionHealth {

    private static final String START_FAILING =
            "UPDATE subscriptions SET failing_since = $2 WHERE id = $1 AND failing_since IS NULL";
    private static final String RECOVER =
            "UPDATE subscriptions SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL RETURNING id";
    private static final String DISABLE = """
            UPDATE subscriptions SET status = 'disabled', disabled_reason = $2, updated_at = now()
             WHERE id = $1 AND status = 'active' AND ($3::timestamptz IS NULL OR failing_since <= $3)
            RETURNING id""";

    private final Pool pool;
    private final OperationsPublisher operations;
    private final DisabledSubscriptions disabled;
    private final DeliveryConfig config;
    private final Clock clock;

    public SubscriptionHealth(Pool pool, OperationsPublisher operations, DisabledSubscriptions disabled,
            DeliveryConfig config, Clock clock) {
        this.pool = pool;
        this.operations = operations;
        this.disabled = disabled;
        this.config = config;
        this.clock = clock;
    }

    void observe(Completion c) {
        ClaimedDelivery d = c.delivery();
        Instant failingSince = d.subscription().failingSince();
        if (c.disableGone()) {
            disable(d, "gone_410", null);
        } else if (c.delivered()) {
            if (failingSince != null) {
                run(RECOVER, Tuple.of(d.subscriptionId()))
                        .subscribe().with(rows -> announce(rows, "delivery.recovered", d, "success after failures"),
                                this::logFailure);
            }
        } else if (failingSince == null) {
            run(START_FAILING, Tuple.of(d.subscriptionId(), c.attempt().at().atOffset(ZoneOffset.UTC)))
                    .subscribe().with(rows -> { }, this::logFailure);
        } else if (!failingSince.isAfter(clock.instant().minus(config.disableAfter()))) {
            disable(d, "failing", clock.instant().minus(config.disableAfter()));
        }
        if (c.failed() && !c.disableGone()) {
            operations.fire("delivery.exhausted", d.subscriptionId(), d.tenantId(),
                    "delivery " + d.id() + " failed after " + c.attemptNumber() + " attempts: " + c.attempt().errorCode());
        }
    }

    private void disable(ClaimedDelivery d, String reason, Instant failingBefore) {
        Tuple args = Tuple.of(d.subscriptionId(), reason, failingBefore == null ? null : failingBefore.atOffset(ZoneOffset.UTC));
        run(DISABLE, args).subscribe().with(rows -> {
            announce(rows, "subscription.disabled", d, reason);
            if (rows.rowCount() > 0) {
                disabled.disabled(d.subscriptionId());
            }
        }, this::logFailure);
    }

    private void announce(RowSet<Row> rows, String type, ClaimedDelivery d, String detail) {
        if (rows.rowCount() > 0) {
            operations.fire(type, d.subscriptionId(), d.tenantId(), detail);
        }
    }

    private Uni<RowSet<Row>> run(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args);
    }

    private void logFailure(Throwable e) {
        Log.warnf("subscription health update failed: %s", e.toString());
    }
}
