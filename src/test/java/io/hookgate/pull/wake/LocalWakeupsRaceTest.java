package io.hookgate.pull.wake;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two event loops at once: waiters registering on one while stores wake on another. A waiter registered before
 * a store must be woken by it; registering into a set that a concurrent store had just removed lost the waiter
 * until its timeout (up to 30 s for a long-poll).
 */
class LocalWakeupsRaceTest {

    @Test
    void noWaiterIsLostWhenItRegistersWhileAStoreWakesItsSubscription() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            LocalWakeups wakeups = new LocalWakeups(vertx);
            UUID sub = UUID.randomUUID();
            AtomicInteger registered = new AtomicInteger();
            AtomicInteger woken = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch started = new CountDownLatch(1);
            Thread storer = new Thread(() -> {
                started.countDown();
                while (running.get()) {
                    wakeups.stored(List.of(sub));
                }
            });
            storer.start();
            started.await();
            for (int i = 0; i < 200_000; i++) {
                wakeups.next(sub, Duration.ofMinutes(5)).subscribe().with(v -> woken.incrementAndGet());
                registered.incrementAndGet();
            }
            running.set(false);
            storer.join();
            // every waiter registered before this store must be woken by it
            wakeups.stored(List.of(sub));
            assertThat(woken.get()).isEqualTo(registered.get());
        } finally {
            vertx.closeAndAwait();
        }
    }
}
