package io.hookgate.pull;

import java.util.ArrayDeque;

/**
 * At most {@code limit} holders at once; the rest wait in arrival order. Pure bookkeeping: it never runs anything
 * itself, it says who may start.
 */
public final class Slots {

    private final int limit;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int held;

    public Slots(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
    }

    /** True when {@code start} holds a slot now (the caller runs it); false when it was queued for a later slot. */
    public synchronized boolean enter(Runnable start) {
        if (held < limit) {
            held++;
            return true;
        }
        waiting.addLast(start);
        return false;
    }

    /** Gives a slot back; returns the next queued start, which now holds it (the caller runs it), or null. */
    public synchronized Runnable release() {
        Runnable next = waiting.pollFirst();
        if (next == null) {
            held--;
        }
        return next;
    }

    /** Slots held now. */
    public synchronized int held() {
        return held;
    }

    /** Starts waiting for a slot now. */
    public synchronized int waiting() {
        return waiting.size();
    }
}
