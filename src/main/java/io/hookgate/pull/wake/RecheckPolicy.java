package io.hookgate.pull.wake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which waited subscriptions the periodic recheck wakes: those whose newest readable message changed since the
 * previous probe. Markers outlive a gap between two long-polls (a client re-polling), so a subscription is not
 * woken merely because it was absent at one probe; a marker never seen before wakes once, since its waiter may
 * have read just before that message became readable.
 */
final class RecheckPolicy {

    private final long keepNanos;
    private final Map<UUID, Entry> markers = new HashMap<>();

    private record Entry(Optional<String> newest, long waitedAt) {
    }

    /** Keeps the marker of a subscription without waiters this long. */
    RecheckPolicy(long keepNanos) {
        this.keepNanos = keepNanos;
    }

    /**
     * Records the probe's result for the waited subscriptions (absent from {@code newest}: no readable message) and
     * returns those to wake.
     */
    synchronized List<UUID> due(Collection<UUID> waited, Map<UUID, String> newest, long nowNanos) {
        List<UUID> wake = new ArrayList<>();
        for (UUID id : waited) {
            Optional<String> now = Optional.ofNullable(newest.get(id));
            Entry before = markers.get(id);
            boolean changed = before == null ? now.isPresent() : !before.newest().equals(now);
            if (changed) {
                wake.add(id);
            }
            markers.put(id, new Entry(now, nowNanos));
        }
        markers.values().removeIf(e -> nowNanos - e.waitedAt() > keepNanos);
        return wake;
    }

    /** Markers held, for tests. */
    synchronized int size() {
        return markers.size();
    }
}
