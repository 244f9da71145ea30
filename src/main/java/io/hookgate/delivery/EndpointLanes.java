package io.hookgate.delivery;

import io.hookgate.delivery.LaneActions.Started;
import io.hookgate.delivery.policy.InFlightLimiter;
import io.hookgate.egress.EgressConfig;
import io.hookgate.egress.EgressDeniedException;
import io.hookgate.egress.EgressGuard;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One lane per endpoint (subscription URL), run by a {@link LaneScheduler} under this object's lock; this class
 * carries out what the scheduler decides: attempts on the endpoint host's event loop, hand-backs and retimes in
 * the store, failures without an attempt, and claim rounds at the instants the scheduler asks for.
 */
@ApplicationScoped
public class EndpointLanes {

    private final LaneScheduler scheduler;
    private final DeliverySender sender;
    private final OutcomePlanner planner;
    private final OutcomeWriter writer;
    private final AttemptContexts contexts;
    private final DeliveryQueue queue;
    private final UnattemptedFailures unattempted;
    private final Duration lease;
    private volatile String owner;
    private volatile Runnable slotFreed = () -> { };
    private volatile Consumer<Instant> wakeAt = at -> { };

    @Inject
    public EndpointLanes(DeliveryConfig config, EgressConfig egress, EndpointBreakers breakers, EgressGuard guard,
            DeliverySender sender, OutcomePlanner planner, OutcomeWriter writer, AttemptContexts contexts,
            DeliveryQueue queue, UnattemptedFailures unattempted, DisabledSubscriptions disabled, Clock clock) {
        this.scheduler = new LaneScheduler(settings(config, egress), breakers, url -> endpoint(guard, url),
                disabled::recentlyDisabled, clock);
        this.sender = sender;
        this.planner = planner;
        this.writer = writer;
        this.contexts = contexts;
        this.queue = queue;
        this.unattempted = unattempted;
        this.lease = config.lease();
    }

    static LaneScheduler.Settings settings(DeliveryConfig config, EgressConfig egress) {
        InFlightLimiter.Caps caps = DeliveryPolicyProducer.inFlightCaps(config);
        // an attempt is a DNS lookup (bounded on its own) and then the HTTP exchange
        return new LaneScheduler.Settings(config.maxInFlightPerEndpoint(), ceiling(config), caps,
                config.timeout().plus(egress.resolveTimeout()), config.breaker().window().multipliedBy(2));
    }

    /** The adaptive limit's ceiling: inside the host and tenant caps (a ceiling above them would never bind). */
    static int ceiling(DeliveryConfig config) {
        int inside = Math.min(config.maxInFlightPerEndpointCeiling(),
                Math.min(config.maxInFlightPerHost(), config.maxInFlightPerTenant()));
        return Math.max(config.maxInFlightPerEndpoint(), inside);
    }

    private static Endpoint endpoint(EgressGuard guard, String url) {
        try {
            return Endpoint.of(guard.target(url));
        } catch (EgressDeniedException e) {
            return Endpoint.unparsable(url);
        }
    }

    /** Wires the dispatcher in: the lease owner, and how to ask for a claim round now or later. */
    void connect(String leaseOwner, Runnable onSlotFreed, Consumer<Instant> onWakeAt) {
        this.owner = leaseOwner;
        this.slotFreed = onSlotFreed;
        this.wakeAt = onWakeAt;
    }

    /** Starts, queues or hands back leased rows; returns how many the lanes turned down for lack of room. */
    int offer(List<ClaimedDelivery> batch) {
        LaneActions actions;
        synchronized (this) {
            actions = scheduler.offer(batch);
        }
        carryOut(actions);
        return actions.declined;
    }

    /** Hands back queued rows whose lease runs short and forgets idle lanes; the dispatcher calls it each poll. */
    void sweep() {
        LaneActions actions;
        synchronized (this) {
            actions = scheduler.sweep();
        }
        carryOut(actions);
    }

    /**
     * Fresh rows of these subscriptions were stored without a lease: their lanes' next top-up looks for them.
     * True when some of them have no lane with an attempt in flight, whose end would ask: a claim must find those.
     */
    synchronized boolean backlogged(Set<UUID> subscriptions) {
        return scheduler.topUps().backlogged(subscriptions);
    }

    synchronized ClaimExclusions.Exclusions exclusions() {
        return scheduler.exclusions();
    }

    synchronized Map<UUID, Handoff.Room> handoffRooms() {
        return scheduler.handoffRooms();
    }

    /** How many more rows may be claimed now. */
    synchronized int room() {
        return scheduler.book().room();
    }

    /** Holds room for up to {@code wanted} rows that are being stored leased; returns how many were granted. */
    synchronized int reserve(int wanted) {
        return scheduler.book().reserve(wanted);
    }

    /** Gives reserved room back, right before the stored rows are offered. */
    synchronized void unreserve(int count) {
        scheduler.book().unreserve(count);
    }

    synchronized int inFlight() {
        return scheduler.book().inFlight();
    }

    /** Removes every queued row (at shutdown) so it can be handed back at once. */
    synchronized List<ClaimedDelivery> drainQueued() {
        return scheduler.drainQueued();
    }

    private void carryOut(LaneActions a) {
        if (a.isEmpty()) {
            return;
        }
        a.starts.forEach(this::start);
        a.topUps.forEach(this::topUp);
        queue.postpone(a.postponed, owner).subscribe().with(v -> { }, e -> Log.warnf(
                "handing back %d deliveries failed; their leases will expire: %s", a.postponed.size(), e.toString()));
        unattempted.failLeased(a.disabled, UnattemptedFailures.Reason.SUBSCRIPTION_DISABLED, owner);
        unattempted.failLeased(a.expired, UnattemptedFailures.Reason.EXPIRED, owner);
        Instant wake = a.wakeAt();
        if (a.retimes.isEmpty()) {
            if (wake != null) {
                wakeAt.accept(wake);
            }
            return;
        }
        // the claim that a good probe asks for must see the held rows due: wake once they are
        List<Uni<Void>> retimes = a.retimes.stream().map(r -> queue.retimeHeld(r.urls(), r.at())).toList();
        Uni.join().all(retimes).andCollectFailures().subscribe().with(v -> wakeOn(wake), e -> {
            Log.warnf("retiming held deliveries failed; they come due at their hold time: %s", e.toString());
            wakeOn(wake);
        });
    }

    private void topUp(LaneActions.TopUp t) {
        queue.topUp(t.subscriptions(), t.count(), lease, owner).subscribe().with(rows -> {
            LaneActions actions;
            synchronized (this) {
                actions = scheduler.toppedUp(t, rows);
            }
            carryOut(actions);
        }, e -> {
            Log.warnf("topping up a lane failed; a later attempt or claim finds its rows: %s", e.toString());
            synchronized (this) {
                scheduler.topUps().failed(t);
            }
        });
    }

    private void wakeOn(Instant at) {
        if (at != null) {
            wakeAt.accept(at);
        }
    }

    private void start(Started started) {
        ClaimedDelivery d = started.delivery();
        contexts.forEndpoint(started.lane().endpoint.host()).runOnContext(
                v -> sender.send(d).subscribe().with(result -> finished(started, result)));
    }

    private void finished(Started started, AttemptResult result) {
        writer.submit(planner.plan(started.delivery(), result));
        LaneActions actions;
        synchronized (this) {
            actions = scheduler.finished(started, result);
        }
        carryOut(actions);
        slotFreed.run();
    }
}
