package io.hookgate.delivery;

import io.hookgate.delivery.policy.EndpointLimit;
import io.hookgate.delivery.policy.InFlightLimiter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The bookkeeping under {@link LaneScheduler}: which lanes exist, which subscription is bound to which, and how
 * many attempts and queued rows each lane, host, tenant and the whole replica holds. Every offer re-binds its
 * subscription to the lane of the URL it has now, so a URL change moves it; idle lanes are forgotten with their
 * bindings, so nothing here only grows. Not thread-safe.
 */
final class LaneBook {

    private record Binding(Lane lane, UUID tenant) {
    }

    private final Function<String, Endpoint> endpoints;
    private final int perEndpoint;
    private final int perEndpointCeiling;
    private final InFlightLimiter limiter;
    private final Map<String, Lane> lanes = new HashMap<>();
    private final Map<UUID, Binding> bindings = new HashMap<>();
    /** Lanes with something in flight or queued. */
    private final Set<Lane> busy = new HashSet<>();
    /** Lanes whose breaker refused or probed lately: they may still be refusing. */
    private final Set<Lane> guarded = new HashSet<>();
    /** Lanes that turned a row down while idle themselves (a full host or tenant): they may still refuse. */
    private final Set<Lane> refused = new HashSet<>();
    private int reserved;

    LaneBook(Function<String, Endpoint> endpoints, int perEndpoint, int perEndpointCeiling,
            InFlightLimiter.Caps caps) {
        this.endpoints = endpoints;
        this.perEndpoint = perEndpoint;
        this.perEndpointCeiling = perEndpointCeiling;
        this.limiter = new InFlightLimiter(caps);
    }

    /** The lane of the delivery's current URL, created on first use; binds the subscription to it. */
    Lane laneFor(ClaimedDelivery d, Instant now) {
        String url = d.subscription().url();
        Endpoint endpoint = endpoints.apply(url);
        Lane lane = lanes.computeIfAbsent(endpoint.key(),
                k -> new Lane(endpoint, new EndpointLimit(perEndpoint, perEndpointCeiling), now));
        lane.seen(url);
        lane.lastActive = now;
        Binding before = bindings.put(d.subscriptionId(), new Binding(lane, d.tenantId()));
        if (before == null || before.lane() != lane) {
            // a URL change moves the subscription: its old lane must no longer speak for it
            if (before != null) {
                before.lane().subscriptions.remove(d.subscriptionId());
            }
            lane.subscriptions.add(d.subscriptionId());
        }
        return lane;
    }

    /** The in-flight limit of the endpoint with this key now; the floor for an endpoint without a lane. */
    int limit(String endpointKey) {
        Lane lane = lanes.get(endpointKey);
        return lane == null ? perEndpoint : lane.limit.current();
    }

    boolean canStart(Lane lane, UUID tenant) {
        return !lane.atLimit() && limiter.canStart(lane.endpoint.host(), tenant);
    }

    boolean canQueue(Lane lane, UUID tenant) {
        return !lane.queueFull() && limiter.canQueue(lane.endpoint.host(), tenant);
    }

    /** The tenant of this subscription's binding, or null. */
    UUID tenantOf(UUID subscription) {
        Binding b = bindings.get(subscription);
        return b == null ? null : b.tenant();
    }

    InFlightLimiter limiter() {
        return limiter;
    }

    /** The lane this subscription is bound to, or null. */
    Lane laneOf(UUID subscription) {
        Binding b = bindings.get(subscription);
        return b == null ? null : b.lane();
    }

    /** Whether a row of any tenant offered now would not start at once (it would queue or be turned down). */
    boolean cannotStartNow(Lane lane) {
        return !(lane.queue.isEmpty() && canStart(lane, null));
    }

    /** Tenants at their in-flight share. */
    Set<UUID> tenantsAtShare() {
        return limiter.tenantsAtShare();
    }

    /** Whether the lane would turn down a row of any tenant: neither startable now nor queueable. */
    boolean refusesAll(Lane lane) {
        boolean startable = lane.queue.isEmpty() && canStart(lane, null);
        return !startable && !canQueue(lane, null);
    }

    void started(Lane lane, ClaimedDelivery d, Instant now) {
        lane.inFlight++;
        lane.lastActive = now;
        limiter.started(lane.endpoint.host(), d.tenantId());
        busy.add(lane);
    }

    void ended(Lane lane, ClaimedDelivery d, Instant now) {
        lane.inFlight--;
        lane.lastActive = now;
        limiter.finished(lane.endpoint.host(), d.tenantId());
        settle(lane);
    }

    void queued(Lane lane, ClaimedDelivery d) {
        lane.queue.addLast(d);
        limiter.queued(lane.endpoint.host(), d.tenantId(), d.payloadChars());
        busy.add(lane);
    }

    /** Takes the lane's queued head, or one already removed from the queue by the caller. */
    void dequeued(Lane lane, ClaimedDelivery d, boolean removeHead) {
        if (removeHead) {
            lane.queue.pollFirst();
        }
        limiter.dequeued(lane.endpoint.host(), d.tenantId(), d.payloadChars());
        settle(lane);
    }

    void guard(Lane lane) {
        guarded.add(lane);
    }

    void refused(Lane lane) {
        refused.add(lane);
    }

    /** Lanes that may refuse work now: the busy ones and those whose breaker may be refusing. */
    Set<Lane> candidates() {
        Set<Lane> all = new HashSet<>(busy);
        all.addAll(guarded);
        all.addAll(refused);
        return all;
    }

    /** Tenants that can neither start nor queue anything more. */
    Set<UUID> fullTenants() {
        return limiter.fullTenants();
    }

    /** Subscriptions bound to the given lanes or to the given tenants. */
    Set<UUID> subscriptionsOf(Set<Lane> refusing, Set<UUID> tenants) {
        Set<UUID> out = new HashSet<>();
        refusing.forEach(lane -> out.addAll(lane.subscriptions));
        if (!tenants.isEmpty()) {
            bindings.forEach((subscription, b) -> {
                if (tenants.contains(b.tenant())) {
                    out.add(subscription);
                }
            });
        }
        return out;
    }

    /**
     * Drops lanes idle since before {@code idleSince} whose breaker refuses nothing, with their bindings, and
     * stops watching breakers that refuse nothing any more.
     */
    void evict(Instant idleSince, Predicate<Lane> breakerRefuses) {
        guarded.removeIf(lane -> !breakerRefuses.test(lane));
        refused.removeIf(lane -> !cannotStartNow(lane));
        lanes.values().removeIf(lane -> {
            if (!lane.idle() || !lane.lastActive.isBefore(idleSince) || breakerRefuses.test(lane)) {
                return false;
            }
            lane.subscriptions.forEach(s -> bindings.computeIfPresent(s, (k, b) -> b.lane() == lane ? null : b));
            busy.remove(lane);
            refused.remove(lane);
            return true;
        });
    }

    int room() {
        return Math.max(0, limiter.room() - reserved);
    }

    int reserve(int wanted) {
        int granted = Math.max(0, Math.min(wanted, room()));
        reserved += granted;
        return granted;
    }

    void unreserve(int count) {
        reserved -= count;
    }

    int inFlight() {
        return limiter.inFlight();
    }

    int queued() {
        return limiter.queued();
    }

    int size() {
        return lanes.size();
    }

    int bindings() {
        return bindings.size();
    }

    private void settle(Lane lane) {
        if (lane.idle()) {
            busy.remove(lane);
        }
    }
}
