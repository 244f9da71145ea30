package io.hookgate.pull.wake;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The waiters of this replica: a pending {@link Uni} and one timer each, no thread. Stores on this replica, the
 * LISTEN connection and the periodic recheck all wake through it ({@link ReplicaWakeups} is the injected seam).
 */
@ApplicationScoped
@Typed(LocalWakeups.class)
public class LocalWakeups implements Wakeups {

    private final Vertx vertx;
    private final Map<UUID, Set<Consumer<Void>>> waiters = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    public LocalWakeups(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Uni<Void> next(UUID subscriptionId, Duration max) {
        return Uni.createFrom().emitter(emitter -> {
            Consumer<Void> wake = ignored -> emitter.complete(null);
            count.incrementAndGet();
            // compute, not computeIfAbsent + add: a concurrent stored() must not remove the set between the two
            waiters.compute(subscriptionId, (id, set) -> {
                Set<Consumer<Void>> s = set == null ? ConcurrentHashMap.newKeySet() : set;
                s.add(wake);
                return s;
            });
            long timer = vertx.setTimer(Math.max(1, max.toMillis()), id -> emitter.complete(null));
            emitter.onTermination(() -> {
                count.decrementAndGet();
                vertx.cancelTimer(timer);
                forget(subscriptionId, wake);
            });
        });
    }

    @Override
    public void stored(Collection<UUID> subscriptionIds) {
        for (UUID id : subscriptionIds) {
            wake(waiters.remove(id));
        }
    }

    /** Wakes the waiters of every subscription that matches; returns how many subscriptions were woken. */
    public int wakeWhere(Predicate<UUID> subscription) {
        List<UUID> due = new ArrayList<>();
        for (UUID id : waiters.keySet()) {
            if (subscription.test(id)) {
                due.add(id);
            }
        }
        stored(due);
        return due.size();
    }

    /** Wakes every waiter once, e.g. after notifications may have been missed. */
    public void wakeAll() {
        wakeWhere(id -> true);
    }

    /** The subscriptions that have waiters right now (a snapshot). */
    public List<UUID> subscriptions() {
        return new ArrayList<>(waiters.keySet());
    }

    /** Waiters currently registered on this replica. */
    public int size() {
        return count.get();
    }

    private static void wake(Set<Consumer<Void>> woken) {
        if (woken != null) {
            woken.forEach(wake -> wake.accept(null));
        }
    }

    private void forget(UUID subscriptionId, Consumer<Void> wake) {
        waiters.computeIfPresent(subscriptionId, (id, set) -> {
            set.remove(wake);
            return set.isEmpty() ? null : set;
        });
    }
}
