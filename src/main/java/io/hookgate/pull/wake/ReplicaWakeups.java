package io.hookgate.pull.wake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The injected {@link Wakeups}: this replica's {@link LocalWakeups}, bounded by {@code hookgate.pull.max-waiters}.
 * Stores on this replica wake it directly; {@link PullListener} wakes it for stores on other replicas and
 * {@link PeriodicRecheck} against a missed notification.
 */
@ApplicationScoped
@Startup
public class ReplicaWakeups implements Wakeups {

    private final LocalWakeups local;
    private final int maxWaiters;

    public ReplicaWakeups(LocalWakeups local, PullWakeConfig config, MeterRegistry registry) {
        this.local = local;
        this.maxWaiters = config.maxWaiters();
        Gauge.builder("hookgate.pull.waiters", local, LocalWakeups::size)
                .description("Long-polls and streams of pull subscriptions waiting on this replica").register(registry);
    }

    @Override
    public Runnable await(UUID subscriptionId, Duration max, Consumer<Throwable> done) {
        // checked, then registered: concurrent callers on other event loops may overshoot by one each, no more
        if (!admits()) {
            done.accept(new TooManyWaitersException(maxWaiters));
            return () -> { };
        }
        return local.await(subscriptionId, max, done);
    }

    @Override
    public void stored(Collection<UUID> subscriptionIds) {
        local.stored(subscriptionIds);
    }

    @Override
    public EmptyReads emptyReads() {
        return local.emptyReads();
    }

    @Override
    public boolean admits() {
        return local.size() < maxWaiters;
    }
}
