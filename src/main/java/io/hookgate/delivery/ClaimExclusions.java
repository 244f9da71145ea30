package io.hookgate.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What claims and handoffs must leave alone, computed from live counts every time and never kept as a verdict:
 * a claim skips the lanes and tenants that could take no row this moment and takes no more rows of a lane than it
 * would start or queue, so its room goes to rows that start and nothing is claimed only to be handed back; a
 * handoff leaves to the claim only rows that would be turned down. It remembers the lanes the last claim skipped or
 * filled just to say when one of them has room for a worthwhile claim again, which is when a round is due at once.
 */
final class ClaimExclusions {

    /**
     * Claims skip rows of these URLs (their lane can take none now) and of these tenants (at their share), and take at
     * most {@code caps} rows of a URL, {@code unseenCap} of a URL no busy lane serves.
     */
    record Exclusions(Set<String> urls, Set<UUID> tenants, Map<String, Integer> caps, int unseenCap) {

        /** Rows of this URL a claim may take. */
        int capOf(String url) {
            return caps.getOrDefault(url, unseenCap);
        }
    }

    private final LaneBook book;
    private final EndpointBreakers breakers;
    private final int perEndpoint;
    private final int perHost;
    /** Lanes the last claims skipped or filled to their cap: due rows of theirs may be waiting for room. */
    private final Set<Lane> watched = new HashSet<>();
    private final Set<UUID> skippedTenants = new HashSet<>();

    ClaimExclusions(LaneBook book, EndpointBreakers breakers, int perEndpoint, int perHost) {
        this.book = book;
        this.breakers = breakers;
        this.perEndpoint = perEndpoint;
        this.perHost = perHost;
    }

    /** Every exclusion ends when an attempt ends or when a breaker's time is up (a timer wakes a claim then). */
    Exclusions forClaim() {
        Set<Lane> candidates = book.candidates();
        Map<String, Integer> hostQueued = hostQueued();
        Set<String> urls = new HashSet<>();
        Map<String, Integer> caps = new HashMap<>();
        for (Lane lane : candidates) {
            int room = breakerRefuses(lane) ? 0 : room(lane, hostQueued);
            if (room == 0) {
                watched.add(lane);
                urls.addAll(lane.urls);
            } else {
                lane.urls.forEach(url -> caps.put(url, room));
            }
        }
        skippedTenants.clear();
        skippedTenants.addAll(book.tenantsAtShare());
        // a lane no busy lane serves starts its limit and queues as many again before it knows its latency
        return new Exclusions(urls, Set.copyOf(skippedTenants), caps, 2 * perEndpoint);
    }

    /** Lanes that a claim made with {@code used} filled to their cap have more rows due, likely: watch for room. */
    void claimed(List<ClaimedDelivery> batch, Exclusions used, Instant now) {
        Map<String, List<ClaimedDelivery>> byUrl = new HashMap<>();
        batch.forEach(d -> byUrl.computeIfAbsent(d.subscription().url(), u -> new ArrayList<>()).add(d));
        byUrl.forEach((url, rows) -> {
            if (rows.size() >= used.capOf(url) && rows.get(0).subscription().active()) {
                watched.add(book.laneFor(rows.get(0), now));
            }
        });
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

    /**
     * Whether a lane the last claims skipped or filled has room for half its rows again (its due rows may be waiting;
     * claiming before it runs dry keeps it busy while the claim runs), or a skipped tenant can start again.
     */
    boolean lifted() {
        Map<String, Integer> hostQueued = hostQueued();
        boolean lanes = watched.removeIf(lane -> !breakerRefuses(lane)
                && room(lane, hostQueued) >= Math.max(1, capacity(lane) / 2));
        Set<UUID> stillFull = book.tenantsAtShare();
        return skippedTenants.removeIf(tenant -> !stillFull.contains(tenant)) || lanes;
    }

    boolean breakerRefuses(Lane lane) {
        return breakers.openUntil(lane.endpoint.key()).isPresent();
    }

    /** Rows the lane would take now without turning one down: free slots if nothing waits, then queue room. */
    private int room(Lane lane, Map<String, Integer> hostQueued) {
        if (book.refusesAll(lane)) {
            return 0;
        }
        int start = lane.queue.isEmpty() ? Math.max(0, lane.limit.current() - lane.inFlight) : 0;
        int queueRoom = Math.min(lane.queueBound() - lane.queue.size(),
                perHost - hostQueued.getOrDefault(lane.endpoint.host(), 0));
        return start + Math.max(0, queueRoom);
    }

    /** Rows the lane holds when full: its limit in flight and its queue (the host's queue cap bounds it too). */
    private int capacity(Lane lane) {
        return lane.limit.current() + Math.min(lane.queueBound(), perHost);
    }

    /** Rows queued per host; only busy lanes queue anything. */
    private Map<String, Integer> hostQueued() {
        Map<String, Integer> queued = new HashMap<>();
        for (Lane lane : book.candidates()) {
            queued.merge(lane.endpoint.host(), lane.queue.size(), Integer::sum);
        }
        return queued;
    }
}
