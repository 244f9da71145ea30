package io.hookgate.delivery;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What claims and handoffs must leave alone, computed from live counts every time and never kept as a verdict:
 * a claim skips the lanes and tenants that could not start a row this moment, so its room goes to rows that
 * start; a handoff leaves to the claim only rows that would be turned down. It remembers what the last claim
 * skipped just to say when one of them can start again, which is when a claim round is due at once. A claim leases
 * no more rows of a lane than the lane takes, so nothing is leased only to be handed back.
 */
final class ClaimExclusions {

    /**
     * Claims skip rows of these URLs (their lane cannot start one now) and of these tenants (at their share), and
     * lease at most {@code caps} rows of a URL (what its lane starts and queues), {@code unseenCap} of a URL no busy
     * lane serves.
     */
    record Exclusions(Set<String> urls, Set<UUID> tenants, Map<String, Integer> caps, int unseenCap) {

        /** Rows of this URL a claim may lease. */
        int capOf(String url) {
            return caps.getOrDefault(url, unseenCap);
        }
    }

    private final LaneBook book;
    private final EndpointBreakers breakers;
    private final Set<Lane> skippedLanes = new HashSet<>();
    private final Set<UUID> skippedTenants = new HashSet<>();

    private final int perEndpoint;
    private final int perHost;

    ClaimExclusions(LaneBook book, EndpointBreakers breakers, int perEndpoint, int perHost) {
        this.book = book;
        this.breakers = breakers;
        this.perEndpoint = perEndpoint;
        this.perHost = perHost;
    }

    /** Every exclusion ends when an attempt ends or when a breaker's time is up (a timer wakes a claim then). */
    Exclusions forClaim() {
        skippedLanes.clear();
        Set<Lane> candidates = book.candidates();
        Set<String> urls = new HashSet<>();
        Map<String, Integer> caps = new HashMap<>();
        for (Lane lane : candidates) {
            if (breakerRefuses(lane) || book.cannotStartNow(lane)) {
                skippedLanes.add(lane);
                urls.addAll(lane.urls);
            } else {
                int room = room(lane, candidates);
                lane.urls.forEach(url -> caps.put(url, room));
            }
        }
        skippedTenants.clear();
        skippedTenants.addAll(book.tenantsAtShare());
        // a lane that knows no latency yet starts its limit and queues as many again
        return new Exclusions(urls, Set.copyOf(skippedTenants), caps, 2 * perEndpoint);
    }

    /** Rows a lane that can start now takes: its free slots, then its queue (the host's queue cap bounds it too). */
    private int room(Lane lane, Set<Lane> candidates) {
        int hostQueued = 0;
        for (Lane other : candidates) {
            hostQueued += other.endpoint.host().equals(lane.endpoint.host()) ? other.queue.size() : 0;
        }
        int queueRoom = Math.min(lane.queueBound(), perHost - hostQueued);
        return Math.max(1, lane.limit.current() - lane.inFlight + Math.max(0, queueRoom));
    }

    /** Subscriptions bound to a lane or tenant that would turn a row down; rows that would queue still go. */
    Set<UUID> forHandoff() {
        Set<Lane> refusing = new HashSet<>();
        for (Lane lane : book.candidates()) {
            if (breakerRefuses(lane) || book.refusesAll(lane)) {
                refusing.add(lane);
            }
        }
        return book.subscriptionsOf(refusing, book.fullTenants());
    }

    /** Whether a lane or tenant the last claim skipped could start a row now (its rows may be waiting due). */
    boolean lifted() {
        boolean lanes = skippedLanes.removeIf(lane -> !breakerRefuses(lane) && !book.cannotStartNow(lane));
        Set<UUID> stillFull = book.tenantsAtShare();
        return skippedTenants.removeIf(tenant -> !stillFull.contains(tenant)) || lanes;
    }

    boolean breakerRefuses(Lane lane) {
        return breakers.openUntil(lane.endpoint.key()).isPresent();
    }
}
