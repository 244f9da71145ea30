package io.hookgate.delivery;

import java.util.HashSet;
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
            if (breakerRefuses(lane) || book.cannotStartNow(lane)) {
                skippedLanes.add(lane);
                urls.addAll(lane.urls);
            }
        }
        skippedTenants.clear();
        skippedTenants.addAll(book.tenantsAtShare());
        return new Exclusions(urls, Set.copyOf(skippedTenants));
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
