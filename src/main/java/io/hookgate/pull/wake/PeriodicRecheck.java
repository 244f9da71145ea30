package io.hookgate.pull.wake;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The safety net against a missed notification: every {@code hookgate.pull.recheck}, each waiter is woken once to
 * re-read. The interval is cut into {@link #SLICES} ticks and each tick wakes one slice of the subscriptions (by a
 * per-replica salted hash), so 10,000 waiters cause waiters/interval reads per second, spread evenly, never a burst.
 */
@ApplicationScoped
public class PeriodicRecheck {

    static final int SLICES = 50;

    private final LocalWakeups local;
    private final Vertx vertx;
    private final PullWakeConfig config;
    private final int salt = new SecureRandom().nextInt();
    private long timer = -1;
    private int tick;

    public PeriodicRecheck(LocalWakeups local, Vertx vertx, PullWakeConfig config) {
        this.local = local;
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        var problems = PullWakeConfig.problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid pull configuration: " + String.join("; ", problems));
        }
        long period = Math.max(1, config.recheck().toMillis() / SLICES);
        timer = vertx.setPeriodic(period, id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Wakes the next slice; package-private for tests. */
    int tick() {
        int slice = tick;
        tick = (tick + 1) % SLICES;
        return local.wakeWhere(id -> slice(id, salt) == slice);
    }

    static int slice(UUID subscriptionId, int salt) {
        return Math.floorMod(subscriptionId.hashCode() ^ salt, SLICES);
    }
}
