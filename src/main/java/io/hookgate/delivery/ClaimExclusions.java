package io.hookgate.delivery;

import io.hookgate.delivery.policy.InFlightLimiter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What claims and handoffs must leave alone, computed from live counts every time and never kept as a verdict:
 * a claim skips the lanes and tenants that could not start a row this moment, so its room goes to rows that
 * start; a handoff leaves to the claim only rows that would be turned down. It remembers what the last claim
 * skipped just to say when one of them can start again, which is when a claim round is due at once.
 */
final class ClaimExclusions {

    /** Claims skip rows of these URLs (their lane cannot start one now) and of these tenants (at their share). */
    record Exclusions(Set<String> urls, Set<UUID> tenants) {
    }

    private final LaneBook book;
    private final EndpointBreakers breakers;
    private final Set<Lane> skippedLanes = new HashSet<>();
    private final Set<UUID> skippedTenants = new HashSet<>();

    ClaimExclusions(LaneBook book, EndpointBreakers breakers) {
        this.book = book;
        this.breakers = breakers;
    }

    /** Every exclusion ends when an attempt ends or when a breaker's time is up (a timer wakes a claim then). */
    Exclusions forClaim() {
        skippedLanes.clear();
        Set<String> urls = new HashSet<>();
        for (Lane lane : book.candidates()) {
            if (skips(lane)) {
                skippedLanes.add(lane);
                urls.addAll(lane.urls);
            }
        }
        skippedTenants.clear();
        skippedTenants.addAll(book.tenantsAtShare());
        return new Exclusions(urls, Set.copyOf(skippedTenants));
    }

    /**
     * What the subscriptions of each busy lane may take in a handoff: the rows the lane would start or queue now,
     * none while its breaker refuses or its tenant can take nothing more. Idle lanes' subscriptions take any.
     */
    Map<UUID, Handoff.Room> forHandoff() {
        Map<UUID, Handoff.Room> rooms = new HashMap<>();
        for (Lane lane : book.candidates()) {
            Handoff.Room room = new Handoff.Room(breakerRefuses(lane) ? 0 : handoffRoom(lane));
            lane.subscriptions.forEach(s -> rooms.put(s, room));
        }
        Handoff.Room none = new Handoff.Room(0);
        book.subscriptionsOf(Set.of(), book.fullTenants()).forEach(s -> rooms.put(s, none));
        return rooms;
    }

    /** Rows the lane would take now: free slots with nothing queued ahead, and its queue's room under every bound. */
    private int handoffRoom(Lane lane) {
        if (book.refusesAll(lane)) {
            return 0;
        }
        InFlightLimiter limiter = book.limiter();
        int slots = lane.queue.isEmpty() && limiter.canStart(lane.endpoint.host(), null)
                ? Math.max(0, lane.limit.current() - lane.inFlight) : 0;
        Set<UUID> owners = new HashSet<>();
        lane.subscriptions.forEach(s -> owners.add(book.tenantOf(s)));
        owners.remove(null);
        int queue = Math.min(lane.queueBound() - lane.queue.size(), limiter.queueRoom(lane.endpoint.host(), owners));
        return slots + Math.max(0, queue);
    }

    /**
     * Whether a lane or tenant the last claim skipped could start a row now (its rows may be waiting due). A lane
     * whose top-up is on its way stays skipped until the answer: a claim now would walk the backlog that the top-up
     * fetches, only to skip it again.
     */
    boolean lifted() {
        boolean lanes = skippedLanes.removeIf(lane -> !lane.toppingUp && !skips(lane));
        Set<UUID> stillFull = book.tenantsAtShare();
        return skippedTenants.removeIf(tenant -> !stillFull.contains(tenant)) || lanes;
    }

    private boolean skips(Lane lane) {
        return breakerRefuses(lane) || book.cannotStartNow(lane);
    }

    boolean breakerRefuses(Lane lane) {
        return breakers.openUntil(lane.endpoint.key()).isPresent();
    }
}
