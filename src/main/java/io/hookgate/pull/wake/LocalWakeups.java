package io.hookgate.pull.wake;

import io.vertx.core.Handler;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The waiters of this replica: one {@link Waiter} and one timer each, no thread. Stores on this replica, the LISTEN
 * connection and the periodic recheck all wake through it ({@link ReplicaWakeups} is the injected seam).
 */
@ApplicationScoped
@Typed(LocalWakeups.class)
public class LocalWakeups implements Wakeups {

    private final io.vertx.core.Vertx vertx;
    private final Map<UUID, Set<Waiter>> waiters = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    // the markers of PeriodicRecheck are kept as long: a subscription idle that long is read again
    private final EmptyReads emptyReads = new EmptyReads(EmptyReads.DEFAULT_MAX, 60_000_000_000L, System::nanoTime);

    public LocalWakeups(Vertx vertx) {
        this.vertx = vertx.getDelegate();
    }

    @Override
    public Runnable await(UUID subscriptionId, Duration max, Consumer<Throwable> done) {
        Waiter waiter = new Waiter(subscriptionId, done);
        count.incrementAndGet();
        waiter.timer = vertx.setTimer(Math.max(1, max.toMillis()), waiter);
        // compute, not computeIfAbsent + add: a concurrent stored() must not remove the set between the two
        waiters.compute(subscriptionId, (id, set) -> {
            Set<Waiter> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            s.add(waiter);
            return s;
        });
        if (waiter.get()) {
            forget(waiter); // finished (timer) before it was registered: leave no entry behind
        }
        return waiter::cancel;
    }

    @Override
    public void stored(Collection<UUID> subscriptionIds) {
        for (UUID id : subscriptionIds) {
            emptyReads.forget(id);
            Set<Waiter> woken = waiters.remove(id);
            if (woken != null) {
                woken.forEach(Waiter::wake);
            }
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
        emptyReads.forgetAll();
        wakeWhere(id -> true);
    }

    @Override
    public EmptyReads emptyReads() {
        return emptyReads;
    }

    /** The subscriptions that have waiters right now (a snapshot). */
    public List<UUID> subscriptions() {
        return new ArrayList<>(waiters.keySet());
    }

    /** Waiters currently registered on this replica. */
    public int size() {
        return count.get();
    }

    private void forget(Waiter waiter) {
        waiters.computeIfPresent(waiter.subscriptionId, (id, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
    }

    /** One waiter; true once woken, timed out or cancelled (whichever came first wins, the rest do nothing). */
    private final class Waiter extends AtomicBoolean implements Handler<Long> {
        private final UUID subscriptionId;
        private final Consumer<Throwable> done;
        private volatile long timer = -1;

        Waiter(UUID subscriptionId, Consumer<Throwable> done) {
            this.subscriptionId = subscriptionId;
            this.done = done;
        }

        @Override
        public void handle(Long firedTimer) {
            if (end()) {
                forget(this);
                done.accept(null);
            }
        }

        void wake() {
            if (end()) {
                vertx.cancelTimer(timer);
                done.accept(null);
            }
        }

        void cancel() {
            if (end()) {
                vertx.cancelTimer(timer);
                forget(this);
            }
        }

        private boolean end() {
            if (compareAndSet(false, true)) {
                count.decrementAndGet();
                return true;
            }
            return false;
        }
    }
}
