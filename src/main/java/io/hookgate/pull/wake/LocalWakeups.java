package io.hookgate.pull.wake;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The waiters of this replica, woken by stores on this replica. */
@ApplicationScoped
public class LocalWakeups implements Wakeups {

    private final Vertx vertx;
    private final Map<UUID, Set<Consumer<Void>>> waiters = new ConcurrentHashMap<>();

    public LocalWakeups(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Uni<Void> next(UUID subscriptionId, Duration max) {
        return Uni.createFrom().emitter(emitter -> {
            Consumer<Void> wake = ignored -> emitter.complete(null);
            waiters.computeIfAbsent(subscriptionId, id -> ConcurrentHashMap.newKeySet()).add(wake);
            long timer = vertx.setTimer(Math.max(1, max.toMillis()), id -> emitter.complete(null));
            emitter.onTermination(() -> {
                vertx.cancelTimer(timer);
                forget(subscriptionId, wake);
            });
        });
    }

    @Override
    public void stored(Collection<UUID> subscriptionIds) {
        for (UUID id : subscriptionIds) {
            Set<Consumer<Void>> woken = waiters.remove(id);
            if (woken != null) {
                woken.forEach(wake -> wake.accept(null));
            }
        }
    }

    /** Waiters currently registered on this replica. */
    public int size() {
        return waiters.values().stream().mapToInt(Set::size).sum();
    }

    private void forget(UUID subscriptionId, Consumer<Void> wake) {
        waiters.computeIfPresent(subscriptionId, (id, set) -> {
            set.remove(wake);
            return set.isEmpty() ? null : set;
        });
    }
}
