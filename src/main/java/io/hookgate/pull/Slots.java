package io.hookgate.pull;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} holders at once; the rest wait, each in its owner's queue (a tenant's, say), and a freed
 * slot goes to the owners in turn, oldest first within an owner. So one owner's burst waits behind itself: another
 * owner's start runs after at most one queued start of every other owner, not after the whole burst. Pure
 * bookkeeping: it never runs anything itself, it says who may start.
 */
public final class Slots {

    private final int limit;
    // insertion order is the rotation: the owner served is moved to the back while it still waits
    private final Map<Object, ArrayDeque<Runnable>> waiting = new LinkedHashMap<>();
    private int queued;
    private int held;

    public Slots(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
    }

    /** True when {@code start} holds a slot now (the caller runs it); false when it was queued for a later slot. */
    public synchronized boolean enter(Object owner, Runnable start) {
        if (held < limit) {
            held++;
            return true;
        }
        waiting.computeIfAbsent(owner, o -> new ArrayDeque<>()).addLast(start);
        queued++;
        return false;
    }

    /** Gives a slot back; returns the next owner's oldest queued start (now holding it; the caller runs it) or null. */
    public synchronized Runnable release() {
        Iterator<Map.Entry<Object, ArrayDeque<Runnable>>> owners = waiting.entrySet().iterator();
        if (!owners.hasNext()) {
            held--;
            return null;
        }
        Map.Entry<Object, ArrayDeque<Runnable>> turn = owners.next();
        Runnable next = turn.getValue().pollFirst();
        owners.remove();
        if (!turn.getValue().isEmpty()) {
            waiting.put(turn.getKey(), turn.getValue());
        }
        queued--;
        return next;
    }

    /** Slots held now. */
    public synchronized int held() {
        return held;
    }

    /** Starts waiting for a slot now. */
    public synchronized int waiting() {
        return queued;
    }
}
