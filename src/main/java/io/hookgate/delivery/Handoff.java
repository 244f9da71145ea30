package io.hookgate.delivery;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Lane room reserved for one intake batch: that many fresh deliveries are stored already leased to this
 * replica and sent at once. Endpoints that are full or whose breaker is open get none, like in a claim.
 */
public final class Handoff {

    private final int reserved;
    private final Set<UUID> excluded;
    private final Duration lease;
    private final String owner;
    private final Set<UUID> declined = new HashSet<>();
    private int taken;

    Handoff(int reserved, Set<UUID> excluded, Duration lease, String owner) {
        this.reserved = reserved;
        this.excluded = excluded;
        this.lease = lease;
        this.owner = owner;
    }

    /** True when a fresh delivery to this subscription is leased here; false leaves it to a claim round. */
    public boolean take(UUID subscriptionId) {
        if (taken < reserved && !excluded.contains(subscriptionId)) {
            taken++;
            return true;
        }
        declined.add(subscriptionId);
        return false;
    }

    public Duration lease() {
        return lease;
    }

    public String owner() {
        return owner;
    }

    int reserved() {
        return reserved;
    }

    boolean declinedAny() {
        return !declined.isEmpty();
    }

    /** Subscriptions with fresh rows left to the store. */
    Set<UUID> declined() {
        return declined;
    }
}
