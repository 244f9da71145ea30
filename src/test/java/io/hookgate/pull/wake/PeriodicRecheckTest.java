package io.hookgate.pull.wake;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The recheck wakes each waiter exactly once per interval, and spreads subscriptions over the slices. */
class PeriodicRecheckTest {

    @Test
    void oneIntervalOfTicksWakesEveryWaiterExactlyOnce() {
        Vertx vertx = Vertx.vertx();
        try {
            LocalWakeups local = new LocalWakeups(vertx);
            PeriodicRecheck recheck = new PeriodicRecheck(local, vertx, null);
            AtomicInteger woken = new AtomicInteger();
            for (int i = 0; i < 1_000; i++) {
                local.next(UUID.randomUUID(), Duration.ofMinutes(1)).subscribe().with(v -> woken.incrementAndGet());
            }
            int maxPerTick = 0;
            for (int t = 0; t < PeriodicRecheck.SLICES; t++) {
                int before = woken.get();
                recheck.tick();
                maxPerTick = Math.max(maxPerTick, woken.get() - before);
            }
            assertThat(woken.get()).isEqualTo(1_000);
            assertThat(local.size()).isZero();
            assertThat(maxPerTick).isLessThan(100);
        } finally {
            vertx.closeAndAwait();
        }
    }

    @Test
    void tenThousandSubscriptionsSpreadEvenlyOverTheSlices() {
        int[] perSlice = new int[PeriodicRecheck.SLICES];
        AtomicInteger salt = new AtomicInteger(12345);
        for (int i = 0; i < 10_000; i++) {
            perSlice[PeriodicRecheck.slice(UUID.randomUUID(), salt.get())]++;
        }
        // 200 expected per slice; a burst would be several times that
        assertThat(IntStream.of(perSlice).max().orElseThrow()).isLessThan(300);
        assertThat(IntStream.of(perSlice).min().orElseThrow()).isGreaterThan(120);
    }
}
