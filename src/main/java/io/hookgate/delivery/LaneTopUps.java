package io.hookgate.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * When a busy lane asks the store for more of its own rows (docs/DESIGN.md "Lane top-ups"). The general claim skips
 * a lane that cannot start a row now, so without top-ups a backlogged lane waits to run dry before a claim feeds it
 * again, and that claim walks its whole backlog. A top-up reads only the lane's own subscriptions, leaves half of
 * what is free under every shared queue bound to other lanes, and runs one at a time per lane. Not thread-safe: the
 * scheduler owns it.
 */
final class LaneTopUps {

    private final LaneBook book;
    private final EndpointBreakers breakers;
    private boolean closed;

    LaneTopUps(LaneBook book, EndpointBreakers breakers) {
        this.book = book;
        this.breakers = breakers;
    }

    /**
     * Asks for a top-up once the lane with a backlog has room for half its limit of rows, or any once it ran dry.
     * A lane that could start a row now but may not top up (a shared queue bound is nearly full, or its tenants
     * are at their share) asks for a claim instead: no attempt of its own is left to ask, and its rows would wait
     * for a poll.
     */
    void request(Lane lane, Instant now, LaneActions out) {
        if (!lane.backlog || lane.toppingUp || closed || lane.subscriptions.isEmpty()
                || breakers.openUntil(lane.endpoint.key()).isPresent()) {
            return;
        }
        List<UUID> subscriptions = subscriptions(lane);
        int room = subscriptions.isEmpty() ? 0 : room(lane, subscriptions);
        if (room >= (lane.queue.isEmpty() ? 1 : Math.max(1, lane.limit.current() / 2))) {
            lane.toppingUp = true;
            out.topUps.add(new LaneActions.TopUp(lane, subscriptions, room));
        } else if (!book.cannotStartNow(lane)) {
            lane.backlog = false;
            out.wake(now);
        }
    }

    /**
     * The lane's subscriptions a top-up reads: those of tenants below their in-flight share. A row of a tenant at its
     * share could only queue, and would take the room of another tenant's row that can start (the claim skips those
     * tenants for the same reason).
     */
    private List<UUID> subscriptions(Lane lane) {
        List<UUID> out = new ArrayList<>(lane.subscriptions.size());
        for (UUID s : lane.subscriptions) {
            UUID tenant = book.tenantOf(s);
            if (tenant != null && !book.limiter().atShare(tenant)) {
                out.add(s);
            }
        }
        return out;
    }

    /** What a top-up of these subscriptions may add: the lane's queue room, within half of each bound's free room. */
    private int room(Lane lane, List<UUID> subscriptions) {
        Set<UUID> owners = new HashSet<>();
        subscriptions.forEach(s -> owners.add(book.tenantOf(s)));
        return Math.min(lane.queueBound() - lane.queue.size(),
                book.limiter().topUpRoom(lane.endpoint.host(), owners));
    }

    /** A short answer means the lane's backlog in the store is worked off, unless rows were left there since. */
    void answered(LaneActions.TopUp topUp, int rows) {
        Lane lane = topUp.lane();
        lane.toppingUp = false;
        lane.backlog = rows >= topUp.count() || lane.backlogSinceAsked;
        lane.backlogSinceAsked = false;
    }

    /** The backlog stays: the next finished attempt asks again (or a claim serves the lane once it runs dry). */
    void failed(LaneActions.TopUp topUp) {
        topUp.lane().toppingUp = false;
        topUp.lane().backlogSinceAsked = false;
    }

    /** Marks the lanes of these subscriptions; true when one has no lane with an attempt in flight (none would ask). */
    boolean backlogged(Set<UUID> subscriptions) {
        boolean unserved = false;
        for (UUID subscription : subscriptions) {
            Lane lane = book.laneOf(subscription);
            if (lane == null) {
                unserved = true;
            } else {
                lane.noteBacklog();
                unserved |= lane.inFlight == 0;
            }
        }
        return unserved;
    }

    /**
     * Once per poll: rows of a busy lane that came due meanwhile (retries) would wait for it to run dry, so it gets a
     * backlog; and a lane with a backlog asks now, not only when an attempt ends (a slow endpoint's may take long).
     */
    void sweep(Instant now, LaneActions out) {
        for (Lane lane : book.candidates()) {
            if (book.cannotStartNow(lane)) {
                lane.noteBacklog();
            }
            request(lane, now, out);
        }
    }

    /** At shutdown: nothing more is asked, and answers still on their way go straight back. */
    void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }
}
