package io.hookgate.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** Lanes with queued rows, in turn: whoever frees a slot starts the next lane's head, not its own. */
final class LaneRing implements Iterable<Lane> {

    private final ArrayDeque<Lane> lanes = new ArrayDeque<>();

    void add(Lane lane) {
        if (!lane.inRing) {
            lane.inRing = true;
            lanes.addLast(lane);
        }
    }

    /**
     * Offers each lane's head to {@code startHead}, one per lane per pass, until a pass starts nothing. The next
     * turn goes to the lane after the last one that started, so lanes sharing a host or tenant cap take turns.
     */
    void pump(Predicate<Lane> startHead) {
        boolean progress = true;
        while (progress && !lanes.isEmpty()) {
            progress = false;
            List<Lane> pass = new ArrayList<>(lanes);
            lanes.clear();
            int resumeAt = 0;
            for (int i = 0; i < pass.size(); i++) {
                if (startHead.test(pass.get(i))) {
                    progress = true;
                    resumeAt = i + 1;
                }
            }
            for (int i = 0; i < pass.size(); i++) {
                Lane lane = pass.get((resumeAt + i) % pass.size());
                if (lane.queue.isEmpty()) {
                    lane.inRing = false;
                } else {
                    lanes.addLast(lane);
                }
            }
        }
    }

    /** Empties every queue through {@code takeHead} (which removes the lane's head), for shutdown. */
    List<ClaimedDelivery> drain(BiConsumer<Lane, ClaimedDelivery> takeHead) {
        List<ClaimedDelivery> all = new ArrayList<>();
        for (Lane lane : lanes) {
            while (!lane.queue.isEmpty()) {
                ClaimedDelivery d = lane.queue.peekFirst();
                takeHead.accept(lane, d);
                all.add(d);
            }
        }
        clear();
        return all;
    }

    private void clear() {
        lanes.forEach(lane -> lane.inRing = false);
        lanes.clear();
    }

    @Override
    public Iterator<Lane> iterator() {
        return lanes.iterator();
    }
}
