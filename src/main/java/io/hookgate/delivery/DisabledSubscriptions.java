package io.hookgate.delivery;

import io.hookgate.subscription.StatusChanges;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every way a subscription becomes disabled (PATCH, 410, auto-disable) ends here: its pending deliveries fail
 * at once as {@code subscription_disabled}, and for one lease the lanes drop rows of it they still hold queued
 * (claimed while it was active; the store already has them failed). Re-activation lifts that at once.
 */
@ApplicationScoped
public class DisabledSubscriptions implements StatusChanges {

    private final UnattemptedFailures failures;
    private final DeliveryConfig config;
    private final Clock clock;
    private final Map<UUID, Instant> recent = new ConcurrentHashMap<>();

    public DisabledSubscriptions(UnattemptedFailures failures, DeliveryConfig config, Clock clock) {
        this.failures = failures;
        this.config = config;
        this.clock = clock;
    }

    /** The subscription was just disabled (its row says so already). */
    @Override
    public void disabled(UUID subscriptionId) {
        Instant now = clock.instant();
        recent.values().removeIf(until -> until.isBefore(now));
        recent.put(subscriptionId, now.plus(config.lease()));
        failures.failPendingOf(subscriptionId).subscribe().with(
                n -> Log.debugf("subscription %s disabled: %d pending deliveries failed", subscriptionId, n),
                e -> Log.warnf("failing the pending deliveries of disabled subscription %s failed; each fails when"
                        + " next claimed: %s", subscriptionId, e.toString()));
    }

    /** The subscription is active again: rows claimed from now on are attempted. */
    @Override
    public void activated(UUID subscriptionId) {
        recent.remove(subscriptionId);
    }

    /** Whether rows of this subscription claimed earlier must no longer be attempted. */
    boolean recentlyDisabled(UUID subscriptionId) {
        Instant until = recent.get(subscriptionId);
        return until != null && !until.isBefore(clock.instant());
    }
}
