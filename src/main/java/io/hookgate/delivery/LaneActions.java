package io.hookgate.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a {@link LaneScheduler} step decided, for the caller to carry out once it has left the lanes' lock:
 * attempts to start, rows to hand back to the store, rows to fail without an attempt, held rows to retime, lanes
 * to top up, and when to run the next claim round.
 */
final class LaneActions {

    /** An attempt the scheduler has counted as in flight; {@link LaneScheduler#finished} must follow. */
    record Started(Lane lane, ClaimedDelivery delivery, Instant at) {
    }

    /** A row handed back to the store, due at {@code at}; {@code held} marks a row held for the breaker's probe. */
    record Postponement(ClaimedDelivery delivery, Instant at, boolean held) {
    }

    /** The rows held for these URLs' breaker become due at {@code at}: now after a good probe, later on re-opening. */
    record Retime(List<String> urls, Instant at) {
    }

    /** Lease up to {@code count} due rows of these subscriptions (the lane's own) and offer them. */
    record TopUp(Lane lane, List<UUID> subscriptions, int count) {
    }

    final List<Started> starts = new ArrayList<>();
    final List<Postponement> postponed = new ArrayList<>();
    final List<ClaimedDelivery> disabled = new ArrayList<>();
    final List<ClaimedDelivery> expired = new ArrayList<>();
    final List<Retime> retimes = new ArrayList<>();
    final List<TopUp> topUps = new ArrayList<>();
    /** Rows the lane turned down for lack of room (as opposed to held for a breaker). */
    int declined;
    private Instant wakeAt;

    /** Every row back to the store, due at {@code at}. */
    static LaneActions handBack(List<ClaimedDelivery> rows, Instant at) {
        LaneActions out = new LaneActions();
        rows.forEach(d -> out.postpone(d, at, false));
        return out;
    }

    void postpone(ClaimedDelivery d, Instant at, boolean held) {
        postponed.add(new Postponement(d, at, held));
    }

    void decline(ClaimedDelivery d) {
        declined++;
        postpone(d, d.dueAt(), false);
    }

    void retime(List<String> urls, Instant at) {
        retimes.add(new Retime(List.copyOf(urls), at));
    }

    /** Asks for a claim round at {@code at}; the earliest request wins. */
    void wake(Instant at) {
        if (wakeAt == null || at.isBefore(wakeAt)) {
            wakeAt = at;
        }
    }

    Instant wakeAt() {
        return wakeAt;
    }

    boolean isEmpty() {
        return starts.isEmpty() && postponed.isEmpty() && disabled.isEmpty() && expired.isEmpty()
                && retimes.isEmpty() && topUps.isEmpty() && wakeAt == null;
    }
}
