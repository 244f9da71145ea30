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
import java.util.ArrayList;
import java.util.List;
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
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean wakeAgain = new AtomicBoolean();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    // false once a claim came back short: fresh work arrives by handoff, retries by the timer
    private final AtomicBoolean dueRowsLikely = new AtomicBoolean(true);
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
        lanes.onSlotFreed(this::wakeSoon);
        stopping = false;
        timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wake());
        wake();
    }

    /**
     * Coalesces the wake-ups of finishing attempts into one claim round per few milliseconds, and skips
     * them while the last claim came back short: fresh rows arrive by handoff, so a claim per freed slot
     * would mostly scan the queue for nothing (and, in the benchmark, hold row locks while doing so).
     */
    void wakeSoon() {
        if (!stopping && dueRowsLikely.get() && wakeScheduled.compareAndSet(false, true)) {
            vertx.setTimer(COALESCE_MS, id -> {
                wakeScheduled.set(false);
                wake();
            });
        }
    }

    /** Asks for a claim round now; cheap and safe to call from any thread, any number of times. */
    public void wake() {
        if (stopping) {
            return;
        }
        dueRowsLikely.set(true);
        if (!claiming.compareAndSet(false, true)) {
            wakeAgain.set(true);
            return;
        }
        int room = Math.min(config.claimBatchSize(), lanes.room());
        if (room <= 0) {
            finishRound(false);
            return;
        }
        queue.claim(room, lanes.excludedSubscriptions(), config.lease(), owner)
                .subscribe().with(claimed -> {
                    dispatch(claimed);
                    if (claimed.size() < room) {
                        dueRowsLikely.set(false);
                    }
                    finishRound(claimed.size() == room);
                }, failure -> {
                    Log.warnf("claiming deliveries failed, retrying on the next tick: %s", failure.toString());
                    finishRound(false);
                });
    }

    private void finishRound(boolean more) {
        claiming.set(false);
        if (more || wakeAgain.getAndSet(false)) {
            vertx.runOnContext(v -> wake());
        }
    }

    private void dispatch(List<ClaimedDelivery> claimed) {
        List<UUID> postponed = new ArrayList<>();
        List<Instant> until = new ArrayList<>();
        if (stopping) {
            // a round that raced with shutdown: hand its rows back rather than start them
            claimed.forEach(d -> {
                postponed.add(d.id());
                until.add(clock.instant());
            });
            claimed = List.of();
        }
        for (ClaimedDelivery d : claimed) {
            lanes.offer(d).ifPresent(at -> {
                postponed.add(d.id());
                until.add(at);
            });
        }
        queue.postpone(postponed, until, owner).subscribe().with(v -> { },
                e -> Log.warnf("postponing %d deliveries failed; their leases will expire: %s", postponed.size(), e));
    }

    /**
     * Reserves lane room for an intake batch of {@code wanted} fresh deliveries, so they can be stored
     * already leased here and sent without waiting for a claim round. Nothing is reserved while stopping.
     */
    public Handoff reserve(int wanted) {
        if (stopping) {
            return new Handoff(0, Set.of(), config.lease(), owner);
        }
        return new Handoff(lanes.reserve(wanted), lanes.excludedSubscriptions(), config.lease(), owner);
    }

    /** Starts the deliveries the intake just stored leased to this replica; wakes a claim for the rest. */
    public void handOff(Handoff handoff, List<ClaimedDelivery> stored) {
        lanes.unreserve(handoff.reserved());
        if (!stored.isEmpty()) {
            dispatch(stored);
        }
        if (handoff.declinedAny()) {
            wake();
        }
    }

    /** Stops claiming, hands back queued work, and lets in-flight attempts finish within the timeout. */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
        vertx.cancelTimer(timerId);
        List<ClaimedDelivery> queued = lanes.drainQueued();
        List<Instant> now = queued.stream().map(d -> clock.instant()).toList();
        try {
            queue.postpone(queued.stream().map(ClaimedDelivery::id).toList(), now, owner)
                    .await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            Log.warnf("could not hand back %d queued deliveries; their leases will expire", queued.size());
        }
        long deadline = System.nanoTime() + config.timeout().plusSeconds(2).toNanos();
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
