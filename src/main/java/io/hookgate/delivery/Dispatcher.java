package io.hookgate.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Claims due deliveries in batches and runs them within the in-flight caps and circuit breakers.
 * It is woken by the intake when rows were just written, and by a timer as a fallback.
 */
@ApplicationScoped
public class Dispatcher {

    private static final long COALESCE_MS = 10;

    private final DeliveryConfig config;
    private final DeliveryQueue queue;
    private final EndpointLanes lanes;
    private final OutcomeWriter writer;
    private final Vertx vertx;
    private final Clock clock;
    private final String owner = "hookgate-" + UUID.randomUUID();
    private final ClaimRounds rounds = new ClaimRounds();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final AtomicBoolean slotScheduled = new AtomicBoolean();
    private volatile boolean stopping = true;
    private long timerId = -1;

    public Dispatcher(DeliveryConfig config, DeliveryQueue queue, EndpointLanes lanes, OutcomeWriter writer,
            Vertx vertx, Clock clock) {
        this.config = config;
        this.queue = queue;
        this.lanes = lanes;
        this.writer = writer;
        this.vertx = vertx;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        writer.owner(owner);
        lanes.connect(owner, this::slotFreed, this::wakeAt);
        stopping = false;
        timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> {
            lanes.sweep();
            wake();
        });
        wake();
    }

    /**
     * A claim round at {@code at}: when an open breaker's probe is due; or soon, after a good probe or when a lane
     * or tenant that the last claim skipped can start again (its due rows are waiting for exactly that).
     */
    void wakeAt(Instant at) {
        long delay = Duration.between(clock.instant(), at).toMillis();
        if (delay <= 0) {
            soon(wakeScheduled, true);
        } else if (!stopping) {
            vertx.setTimer(delay, id -> wake());
        }
    }

    /**
     * A finished attempt freed a slot. Coalesces these into one claim round per few milliseconds, and skips them
     * while the last claim came back short: fresh rows arrive by handoff, so a claim per freed slot would mostly
     * scan the queue for nothing (and, in the benchmark, hold row locks while doing so). Nor does one queue a
     * round behind a claim already running: that claim's answer says whether more is due, and a lane or tenant
     * it skipped asks by {@link #wakeAt} once it can start again.
     */
    void slotFreed() {
        soon(slotScheduled, false);
    }

    private void soon(AtomicBoolean scheduled, boolean reason) {
        if (!stopping && (reason || rounds.dueRowsLikely()) && scheduled.compareAndSet(false, true)) {
            vertx.setTimer(COALESCE_MS, id -> {
                scheduled.set(false);
                round(reason);
            });
        }
    }

    /** Asks for a claim round now; cheap and safe to call from any thread, any number of times. */
    public void wake() {
        round(true);
    }

    /** {@code reason}: more than a freed slot (see {@link ClaimRounds}). */
    private void round(boolean reason) {
        if (stopping || !rounds.begin(reason)) {
            return;
        }
        try {
            claim();
        } catch (RuntimeException e) {
            // a round that never answers would hold back every later one
            Log.errorf(e, "starting a claim round failed; claiming again on the next tick");
            rounds.ended();
        }
    }

    private void claim() {
        int room = Math.min(config.claimBatchSize(), lanes.room());
        if (room <= 0) {
            again(rounds.ended());
            return;
        }
        ClaimExclusions.Exclusions skip = lanes.exclusions();
        queue.claim(room, skip.urls(), skip.tenants(), config.lease(), owner)
                .subscribe().with(claimed -> {
                    try {
                        // a full round is followed by another at once; rows just turned down cannot come straight
                        // back, because their lanes and tenants are now among the exclusions, so this never spins
                        again(rounds.settle(claimed.size(), room, () -> dispatch(claimed)));
                    } catch (RuntimeException e) {
                        Log.errorf(e, "starting %d claimed deliveries failed; they come back when their leases expire",
                                claimed.size());
                    }
                }, failure -> {
                    Log.warnf("claiming deliveries failed, retrying on the next tick: %s", failure.toString());
                    again(rounds.ended());
                });
    }

    private void again(boolean more) {
        if (more) {
            vertx.runOnContext(v -> wake());
        }
    }

    /** Offers the rows to the lanes; returns how many they turned down. */
    private int dispatch(List<ClaimedDelivery> claimed) {
        if (stopping) {
            // a round that raced with shutdown: hand its rows back rather than start them
            handBack(claimed);
            return 0;
        }
        return lanes.offer(claimed);
    }

    private void handBack(List<ClaimedDelivery> rows) {
        List<LaneActions.Postponement> now = rows.stream()
                .map(d -> new LaneActions.Postponement(d, clock.instant(), false)).toList();
        queue.postpone(now, owner).subscribe().with(v -> { },
                e -> Log.warnf("handing back %d deliveries failed; their leases will expire: %s", now.size(), e));
    }

    /**
     * Reserves lane room for an intake batch of {@code wanted} fresh deliveries, so they can be stored
     * already leased here and sent without waiting for a claim round. Nothing is reserved while stopping.
     */
    public Handoff reserve(int wanted) {
        if (stopping) {
            return new Handoff(0, Map.of(), config.lease(), owner);
        }
        return new Handoff(lanes.reserve(wanted), lanes.handoffRooms(), config.lease(), owner);
    }

    /** Starts the deliveries the intake just stored leased to this replica; wakes a claim for the rest. */
    public void handOff(Handoff handoff, List<ClaimedDelivery> stored) {
        lanes.unreserve(handoff.reserved());
        int turnedDown = stored.isEmpty() ? 0 : dispatch(stored);
        // rows left to the store for a lane with an attempt in flight come by its top-up: a claim would walk
        // the whole backlog to find them, once per intake batch
        boolean unserved = handoff.declinedAny() && lanes.backlogged(handoff.declined());
        if (unserved || turnedDown > 0) {
            wake();
        }
    }

    /** Stops claiming, hands back queued work, and lets in-flight attempts finish within the timeout. */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
        vertx.cancelTimer(timerId);
        List<ClaimedDelivery> queued = lanes.drainQueued();
        List<LaneActions.Postponement> now = queued.stream()
                .map(d -> new LaneActions.Postponement(d, clock.instant(), false)).toList();
        try {
            queue.postpone(now, owner).await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            Log.warnf("could not hand back %d queued deliveries; their leases will expire", queued.size());
        }
        long deadline = System.nanoTime() + config.timeout().plus(LaneScheduler.LEASE_MARGIN).toNanos();
        while ((lanes.inFlight() > 0 || writer.busy()) && System.nanoTime() < deadline) {
            sleepBriefly();
        }
        Log.infof("dispatcher stopped: %d attempts still in flight, %d queued handed back", lanes.inFlight(),
                queued.size());
    }

    private static void sleepBriefly() {
        try {
            TimeUnit.MILLISECONDS.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
