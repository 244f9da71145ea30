package io.hookgate.delivery;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * When a busy lane asks the store for more of its own rows (docs/DESIGN.md "Lane top-ups"). The general claim skips
 * a lane that cannot start a row now, so without top-ups a backlogged lane waits to run dry before a claim feeds it
 * again, and that claim walks its whole backlog. A top-up reads only the lane's own subscriptions, leaves half of
 * every shared queue bound to other lanes, and runs one at a time per lane. Not thread-safe: the scheduler owns it.
 */
final class LaneTopUps {

    private final LaneBook book;
    private final ClaimExclusions exclusions;
    private boolean closed;

    LaneTopUps(LaneBook book, ClaimExclusions exclusions) {
        this.book = book;
        this.exclusions = exclusions;
    }

    /** Asks for a top-up once the lane with a backlog has room for at least half its limit of rows. */
    void request(Lane lane, LaneActions out) {
        if (!lane.backlog || lane.toppingUp || closed || lane.subscriptions.isEmpty()
                || exclusions.breakerRefuses(lane)) {
            return;
        }
        int room = book.topUpRoom(lane);
        if (room >= Math.max(1, lane.limit.current() / 2)) {
            lane.toppingUp = true;
            out.topUps.add(new LaneActions.TopUp(lane, List.copyOf(lane.subscriptions), room));
        }
    }

    /** A short answer means the lane's backlog in the store is worked off. */
    void answered(LaneActions.TopUp topUp, int rows) {
        topUp.lane().toppingUp = false;
        topUp.lane().backlog = rows >= topUp.count();
    }

    /** The backlog stays: the next finished attempt asks again (or a claim serves the lane once it runs dry). */
    void failed(LaneActions.TopUp topUp) {
        topUp.lane().toppingUp = false;
    }

    void backlogged(Set<UUID> subscriptions) {
        book.lanesOf(subscriptions).forEach(lane -> lane.backlog = true);
    }

    /** Rows of a busy lane that came due meanwhile (retries) would wait for it to run dry: look once per poll. */
    void busyLanesMayHaveDueRows() {
        book.candidates().forEach(lane -> lane.backlog |= book.cannotStartNow(lane));
    }

    /** At shutdown: nothing more is asked, and answers still on their way go straight back. */
    void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }
}
