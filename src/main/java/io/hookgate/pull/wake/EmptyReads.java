package io.hookgate.pull.wake;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Where a read of a subscription last found nothing, until the next signal that messages may have been stored for
 * it: a store on this replica, a notification from another, the periodic recheck, or a listener reconnect (which
 * forgets all). A long-poll or stream that starts at such a position waits without reading, for the reason a wait
 * that nothing woke ends without one (docs/DESIGN.md, "An idle re-poll reads nothing"). Pure bookkeeping, no I/O.
 * <ul>
 * <li>A read registers its position {@link #before} it runs and confirms with {@link #foundNothing}: a signal in
 * between voids the confirmation, so a store that committed while the read ran is never hidden.</li>
 * <li>One position per subscription (the last confirmed); at most {@code max} subscriptions, those unused for longer
 * than {@code idleNanos} going first, then all: forgetting only ever costs a read.</li>
 * </ul>
 */
public final class EmptyReads {

    /** Enough for every subscription a replica at its waiter cap can be waiting on. */
    static final int DEFAULT_MAX = 20_000;

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final int max;
    private final long idleNanos;
    private final LongSupplier nanoTime;

    public EmptyReads(int max, long idleNanos, LongSupplier nanoTime) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        this.max = max;
        this.idleNanos = idleNanos;
        this.nanoTime = nanoTime;
    }

    /** A read is about to look at the subscription after {@code position}; hand the result to {@link #foundNothing}. */
    public Ticket before(UUID subscriptionId, Object position) {
        Entry pending = new Entry(position, false, nanoTime.getAsLong());
        entries.put(subscriptionId, pending);
        return new Ticket(subscriptionId, pending);
    }

    /** The read of {@code ticket} found nothing: remembered, unless a signal for the subscription came meanwhile. */
    public void foundNothing(Ticket ticket) {
        Entry pending = ticket.pending();
        if (entries.replace(ticket.subscriptionId(), pending,
                new Entry(pending.position(), true, nanoTime.getAsLong())) && entries.size() > max) {
            makeRoom();
        }
    }

    /** True when a read after {@code position} is known to find nothing: none since the last one that did not. */
    public boolean knownEmpty(UUID subscriptionId, Object position) {
        Entry entry = entries.get(subscriptionId);
        if (entry == null || !entry.confirmed() || !entry.position().equals(position)) {
            return false;
        }
        entry.used = nanoTime.getAsLong();
        return true;
    }

    /** Messages may have been stored for the subscription. */
    public void forget(UUID subscriptionId) {
        entries.remove(subscriptionId);
    }

    /** Signals may have been missed (e.g. while the listener reconnected). */
    public void forgetAll() {
        entries.clear();
    }

    /** Subscriptions remembered, for tests and gauges. */
    public int size() {
        return entries.size();
    }

    private void makeRoom() {
        long now = nanoTime.getAsLong();
        entries.values().removeIf(e -> now - e.used > idleNanos);
        if (entries.size() > max) {
            entries.clear();
        }
    }

    /** A read in flight: which subscription and the entry it registered. */
    public record Ticket(UUID subscriptionId, Entry pending) {
    }

    /** One subscription's last position; identity matters, so it is a class, not a record. */
    public static final class Entry {
        private final Object position;
        private final boolean confirmed;
        private volatile long used;

        Entry(Object position, boolean confirmed, long used) {
            this.position = position;
            this.confirmed = confirmed;
            this.used = used;
        }

        Object position() {
            return position;
        }

        boolean confirmed() {
            return confirmed;
        }
    }
}
