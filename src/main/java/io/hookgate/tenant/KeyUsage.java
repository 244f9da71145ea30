package io.hookgate.tenant;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When tenant keys were last used. Authentication only notes the time in memory; every
 * {@code hookgate.auth.last-used-interval} the keys used since the last flush are written in one statement, so
 * a busy key costs one write per interval and replica, never one per request. Memory holds at most one entry per
 * key that authenticated (a failed attempt adds nothing). A crash loses at most one interval of last-use times.
 */
@ApplicationScoped
public class KeyUsage {

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final Vertx vertx;
    private final Duration interval;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    public KeyUsage(ApiKeyRepository keys, Clock clock, Vertx vertx, AuthConfig config) {
        if (config.lastUsedInterval().toMillis() < 1) {
            throw new IllegalArgumentException("hookgate.auth.last-used-interval must be positive");
        }
        this.keys = keys;
        this.clock = clock;
        this.vertx = vertx;
        this.interval = config.lastUsedInterval();
    }

    /** Notes that this key authenticated now; in memory only. */
    public void used(String keyId) {
        pending.merge(keyId, clock.instant(), KeyUsage::later);
    }

    /** Writes the pending last-use times in one statement; on failure they stay pending for the next flush. */
    public Uni<Void> flush() {
        Map<String, Instant> batch = new HashMap<>();
        for (String keyId : pending.keySet()) {
            Instant at = pending.remove(keyId);
            if (at != null) {
                batch.put(keyId, at);
            }
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return keys.recordUse(batch)
                .invoke(writes::incrementAndGet)
                .onFailure().invoke(e -> batch.forEach((keyId, at) -> pending.merge(keyId, at, KeyUsage::later)));
    }

    /** Statements written so far; for tests and diagnostics. */
    public long writes() {
        return writes.get();
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(interval.toMillis(), id -> flush().subscribe().with(done -> { },
                e -> Log.debugf("key last-use times not written yet: %s", e.getMessage())));
    }

    // best effort: a failed last flush only loses when keys were last used
    void stop(@Observes ShutdownEvent event) {
        try {
            flush().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            Log.debugf("key last-use times not written at shutdown: %s", e.getMessage());
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
