package io.hookgate.delivery;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Lane room reserved for one intake batch: that many fresh deliveries are stored already leased to this
 * replica and sent at once. A busy lane's subscriptions share what that lane can start or queue now (none while
 * it is full or its breaker is open), so the batch never leases rows a lane would hand straight back.
 */
public final class Handoff {

    /** What one busy lane can still take; shared by the subscriptions bound to it. */
    static final class Room {
        private int left;

        Room(int left) {
            this.left = left;
        }
    }

    private final int reserved;
    private final Map<UUID, Room> rooms;
    private final Duration lease;
    private final String owner;
    private final Set<UUID> declined = new HashSet<>();
    private int taken;

    /** {@code rooms}: the room of each busy lane's subscriptions; a subscription not listed takes any. */
    Handoff(int reserved, Map<UUID, Room> rooms, Duration lease, String owner) {
        this.reserved = reserved;
        this.rooms = rooms;
        this.lease = lease;
        this.owner = owner;
    }

    /** True when a fresh delivery to this subscription is leased here; false leaves it in the store. */
    public boolean take(UUID subscriptionId) {
        Room room = rooms.get(subscriptionId);
        if (taken < reserved && (room == null || room.left > 0)) {
            taken++;
            if (room != null) {
                room.left--;
            }
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
