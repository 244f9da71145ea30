package io.hookgate.pull.wake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How long-polls and streams of pull subscriptions are woken ({@code hookgate.pull.*}; SPEC 11). */
@ConfigMapping(prefix = "hookgate.pull")
public interface PullWakeConfig {

    /** Safety net against a missed notification: every waiter re-reads at least this often, spread over the interval. */
    @WithDefault("5s")
    Duration recheck();

    /**
     * Long-polls and streams one replica holds at once; beyond, a wait is refused with 503. About 9 KB of heap each:
     * 10,000 is what the pod's 256 MiB heap holds beside its other work.
     */
    @WithDefault("10000")
    int maxWaiters();

    /** Long-polls and streams one tenant may hold on one replica; beyond, its next wait is refused with 429. */
    @WithDefault("5000")
    int maxWaitersPerTenant();

    /** The LISTEN connection that carries wake-ups from other replicas. */
    Listener listener();

    interface Listener {

        /** Listen on channel {@code hookgate_pull}; off only for a single replica (the periodic recheck still runs). */
        @WithDefault("true")
        boolean enabled();

        /** First pause before reconnecting a lost LISTEN connection; doubled per failed attempt. */
        @WithName("reconnect-min")
        @WithDefault("100ms")
        Duration reconnectMin();

        /** Longest pause between reconnect attempts. */
        @WithName("reconnect-max")
        @WithDefault("5s")
        Duration reconnectMax();
    }

    /** Every invalid key, empty when the configuration is usable. */
    static List<String> problems(PullWakeConfig c) {
        List<String> p = new ArrayList<>();
        if (c.recheck().toMillis() < 100) {
            p.add("hookgate.pull.recheck must be at least 100ms");
        }
        if (c.maxWaiters() < 1) {
            p.add("hookgate.pull.max-waiters must be at least 1");
        }
        if (c.maxWaitersPerTenant() < 1 || c.maxWaitersPerTenant() > c.maxWaiters()) {
            p.add("hookgate.pull.max-waiters-per-tenant must be from 1 to hookgate.pull.max-waiters");
        }
        if (c.listener().reconnectMin().toMillis() < 1) {
            p.add("hookgate.pull.listener.reconnect-min must be at least 1ms");
        }
        if (c.listener().reconnectMax().compareTo(c.listener().reconnectMin()) < 0) {
            p.add("hookgate.pull.listener.reconnect-max must not be shorter than reconnect-min");
        }
        return p;
    }
}
