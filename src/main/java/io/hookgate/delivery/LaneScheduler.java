package io.hookgate.delivery;

import io.hookgate.delivery.policy.CircuitBreaker;
import io.hookgate.delivery.LaneActions.Started;
import io.hookgate.delivery.policy.InFlightLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The endpoint lanes as a state machine, free of I/O: every step returns the {@link LaneActions} to carry out.
 * The no-wedge invariant (docs/DESIGN.md "Endpoint lanes") holds by construction: a leased row is in flight,
 * queued in a lane that starts it as soon as the cap it waits for frees, or back in the store with a due time;
 * every attempt ends within {@code attemptBound} and frees its slot; an open breaker holds its rows in the store
 * until a timer wakes a claim for the probe; claims skip only lanes and tenants that would refuse a row right now.
 * Not thread-safe: the caller holds one lock around every call.
 */
final class LaneScheduler {

    /** The caps (an endpoint's limit adapts from its floor to its ceiling), and the longest one attempt can take. */
    record Settings(int perEndpoint, int perEndpointCeiling, InFlightLimiter.Caps caps, Duration attemptBound,
            Duration idleAfter) {
    }

    /** A queued row needs its lease to outlast the attempt by this much, or it goes back to the store. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

    private final Settings settings;
    private final EndpointBreakers breakers;
    private final Predicate<UUID> recentlyDisabled;
    private final Clock clock;
    private final LaneBook book;
    private final LaneRing ring = new LaneRing();
    private final ClaimExclusions exclusions;
    private final LaneTopUps topUps;

    LaneScheduler(Settings settings, EndpointBreakers breakers, Function<String, Endpoint> endpoints,
            Predicate<UUID> recentlyDisabled, Clock clock) {
        this.settings = settings;
        this.breakers = breakers;
        this.recentlyDisabled = recentlyDisabled;
        this.clock = clock;
        this.book = new LaneBook(endpoints, settings.perEndpoint(), settings.perEndpointCeiling(), settings.caps());
        this.topUps = new LaneTopUps(book, breakers);
        this.exclusions = new ClaimExclusions(book, breakers);
    }

    /** Starts, queues, holds or hands back each leased row; those of disabled subscriptions or expired fail. */
    LaneActions offer(List<ClaimedDelivery> batch) {
        LaneActions out = new LaneActions();
        Instant now = clock.instant();
        for (ClaimedDelivery d : batch) {
            offer(d, now, out);
        }
        return out;
    }

    private void offer(ClaimedDelivery d, Instant now, LaneActions out) {
        if (!d.subscription().active()) {
            out.disabled.add(d);
        } else if (recentlyDisabled.test(d.subscriptionId())) {
            return; // read before it was disabled, and failed in the store since by whoever disabled it
        } else if (d.expiredAt(now)) {
            out.expired.add(d);
        } else {
            Lane lane = book.laneFor(d, now);
            String key = lane.endpoint.key();
            if (breakers.openUntil(key).isPresent()) {
                hold(lane, d, out);
            } else if (lane.queue.isEmpty() && book.canStart(lane, d.tenantId())) {
                if (breakers.allowsRequest(key)) {
                    start(lane, d, now, out);
                } else {
                    hold(lane, d, out);
                }
            } else if (book.canQueue(lane, d.tenantId())) {
                enqueue(lane, d);
            } else {
                lane.noteBacklog();
                book.refused(lane); // a claim must skip it while it still could not take a row
                out.decline(d);
            }
        }
    }

    /** An attempt ended: its slot frees, its breaker learns the outcome, and waiting lanes start in turn. */
    LaneActions finished(Started started, AttemptResult result) {
        LaneActions out = new LaneActions();
        Lane lane = started.lane();
        Instant now = clock.instant();
        boolean busy = lane.atLimit() || !lane.queue.isEmpty();
        book.ended(lane, started.delivery(), now);
        lane.learn(Duration.between(started.at(), now), result.endpointFailure(), busy);
        String key = lane.endpoint.key();
        CircuitBreaker.Transition transition = result.endpointFailure() ? breakers.onFailure(key)
                : breakers.onSuccess(key);
        if (transition == CircuitBreaker.Transition.OPENED) {
            opened(lane, out);
        } else if (transition == CircuitBreaker.Transition.CLOSED) {
            // the probe passed: what was held for it is due now, and the lane's queue drains below
            out.retime(List.copyOf(lane.urls), now);
            out.wake(now);
        }
        pump(now, out);
        topUps.request(lane, now, out);
        if (exclusions.lifted()) {
            out.wake(now);
        }
        return out;
    }

    /** A top-up came back: its rows are offered like a claim's, and the lane asks again while it has room. */
    LaneActions toppedUp(LaneActions.TopUp topUp, List<ClaimedDelivery> rows) {
        topUps.answered(topUp, rows.size());
        if (topUps.closed()) {
            return LaneActions.handBack(rows, clock.instant());
        }
        LaneActions out = offer(rows);
        Instant now = clock.instant();
        // a full answer asks again at once; after a short one the next attempt end asks, with more room, if any is left
        if (rows.size() >= topUp.count() || topUp.lane().inFlight == 0) {
            topUps.request(topUp.lane(), now, out);
        }
        if (exclusions.lifted()) {
            out.wake(now);
        }
        return out;
    }

    LaneTopUps topUps() {
        return topUps;
    }

    /**
     * Hands back queued rows whose lease would not outlast their attempt, holds the queue of a lane whose breaker
     * refuses (should a transition ever go unseen, this bounds the stall to one poll), and forgets idle lanes.
     */
    LaneActions sweep() {
        LaneActions out = new LaneActions();
        Instant now = clock.instant();
        for (Lane lane : ring) {
            if (exclusions.breakerRefuses(lane)) {
                opened(lane, out);
                continue;
            }
            for (Iterator<ClaimedDelivery> it = lane.queue.iterator(); it.hasNext(); ) {
                ClaimedDelivery d = it.next();
                if (!leaseCovers(d, now)) {
                    it.remove();
                    book.dequeued(lane, d, false);
                    out.postpone(d, d.dueAt(), false);
                }
            }
        }
        book.evict(now.minus(settings.idleAfter()), exclusions::breakerRefuses);
        pump(now, out);
        topUps.sweep(now, out);
        return out;
    }

    /** Removes every queued row, for shutdown: they are handed back at once. */
    List<ClaimedDelivery> drainQueued() {
        topUps.close();
        return ring.drain((lane, d) -> book.dequeued(lane, d, true));
    }

    /** What the next claim must skip: the lanes and tenants that could not start a row this moment. */
    ClaimExclusions.Exclusions exclusions() {
        return exclusions.forClaim();
    }

    /** How many fresh rows each busy lane's subscriptions may take in a handoff. */
    Map<UUID, Handoff.Room> handoffRooms() {
        return exclusions.forHandoff();
    }

    LaneBook book() {
        return book;
    }

    private void opened(Lane lane, LaneActions out) {
        book.guard(lane);
        Instant until = breakers.openUntil(lane.endpoint.key()).orElse(clock.instant());
        while (!lane.queue.isEmpty()) {
            ClaimedDelivery d = lane.queue.peekFirst();
            book.dequeued(lane, d, true);
            out.postpone(d, d.capAtExpiry(until), true);
        }
        // rows held for an earlier probe wait for this one; the timer makes sure a claim comes for them then
        out.retime(List.copyOf(lane.urls), until);
        out.wake(until);
    }

    private void pump(Instant now, LaneActions out) {
        ring.pump(lane -> startHead(lane, now, out));
    }

    private boolean startHead(Lane lane, Instant now, LaneActions out) {
        ClaimedDelivery d = lane.queue.peekFirst();
        if (d == null) {
            return false;
        }
        // already failed in the store by whoever disabled the subscription: drop it
        if (recentlyDisabled.test(d.subscriptionId())) {
            book.dequeued(lane, d, true);
        } else if (d.expiredAt(now)) {
            book.dequeued(lane, d, true);
            out.expired.add(d);
        } else if (!leaseCovers(d, now)) {
            book.dequeued(lane, d, true);
            out.postpone(d, d.dueAt(), false);
        } else if (book.canStart(lane, d.tenantId()) && !exclusions.breakerRefuses(lane)
                && breakers.allowsRequest(lane.endpoint.key())) {
            book.dequeued(lane, d, true);
            start(lane, d, now, out);
        } else {
            return false;
        }
        return true;
    }

    private void hold(Lane lane, ClaimedDelivery d, LaneActions out) {
        book.guard(lane);
        Instant until = breakers.openUntil(lane.endpoint.key()).orElse(clock.instant());
        out.postpone(d, d.capAtExpiry(until), true);
    }

    private void start(Lane lane, ClaimedDelivery d, Instant now, LaneActions out) {
        book.started(lane, d, now);
        out.starts.add(new Started(lane, d, now));
        if (exclusions.breakerRefuses(lane)) {
            book.guard(lane); // that was the probe: the lane refuses until it reports back
        }
    }

    private void enqueue(Lane lane, ClaimedDelivery d) {
        book.queued(lane, d);
        ring.add(lane);
    }

    private boolean leaseCovers(ClaimedDelivery d, Instant now) {
        return now.plus(settings.attemptBound()).plus(LEASE_MARGIN).isBefore(d.leaseExpiresAt());
    }
}
