package io.hookgate.pull.wake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The replica-local waiter registry: timeouts, cancel, wake by subscription, at most one wake per wait. */
class LocalWakeupsTest {

    private final Vertx vertx = Vertx.vertx();
    private final LocalWakeups wakeups = new LocalWakeups(vertx);

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void aWaiterCompletesWhenItsMaximumElapsesAndIsForgotten() {
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        wakeups.next(UUID.randomUUID(), Duration.ofMillis(200)).subscribe().with(v -> done.incrementAndGet());
        assertThat(wakeups.size()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(2)).until(() -> done.get() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(wakeups.size()).isZero();
    }

    @Test
    void cancellingAWaiterForgetsItSoAStoreDoesNotReachIt() {
        UUID sub = UUID.randomUUID();
        AtomicInteger done = new AtomicInteger();
        Cancellable waiting = wakeups.next(sub, Duration.ofSeconds(30)).subscribe().with(v -> done.incrementAndGet());
        waiting.cancel();
        assertThat(wakeups.size()).isZero();
        assertThat(wakeups.wakeWhere(id -> true)).isZero();
        wakeups.stored(List.of(sub));
        assertThat(done.get()).isZero();
    }

    @Test
    void aStoreWakesOnlyTheWaitersOfTheNamedSubscriptions() {
        UUID named = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        AtomicInteger namedDone = new AtomicInteger();
        AtomicInteger otherDone = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            wakeups.next(named, Duration.ofSeconds(30)).subscribe().with(v -> namedDone.incrementAndGet());
        }
        wakeups.next(other, Duration.ofSeconds(30)).subscribe().with(v -> otherDone.incrementAndGet());

        wakeups.stored(List.of(named, UUID.randomUUID()));

        assertThat(namedDone.get()).isEqualTo(3);
        assertThat(otherDone.get()).isZero();
        assertThat(wakeups.size()).isEqualTo(1);
    }

    @Test
    void aWaiterIsWokenAtMostOnceEvenByRepeatedStoresAndItsTimer() {
        UUID sub = UUID.randomUUID();
        AtomicInteger done = new AtomicInteger();
        wakeups.next(sub, Duration.ofMillis(50)).subscribe().with(v -> done.incrementAndGet());
        wakeups.stored(List.of(sub));
        wakeups.stored(List.of(sub));
        wakeups.wakeAll();
        // past its own timer too: the count must stay at one
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> done.get() == 1);
        assertThat(wakeups.size()).isZero();
    }

    @Test
    void aWaiterRegisteredAfterAStoreWaitsForTheNextOne() {
        UUID sub = UUID.randomUUID();
        wakeups.stored(List.of(sub));
        AtomicInteger done = new AtomicInteger();
        wakeups.next(sub, Duration.ofSeconds(30)).subscribe().with(v -> done.incrementAndGet());
        assertThat(done.get()).isZero();
        wakeups.stored(List.of(sub));
        assertThat(done.get()).isEqualTo(1);
    }

    @Test
    void wakeAllWakesEveryWaiterOnce() {
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            wakeups.next(UUID.randomUUID(), Duration.ofSeconds(30)).subscribe().with(v -> done.incrementAndGet());
        }
        wakeups.wakeAll();
        wakeups.wakeAll();
        assertThat(done.get()).isEqualTo(100);
        assertThat(wakeups.size()).isZero();
    }

    @Test
    void aStoreForASubscriptionWithoutWaitersStillForgetsWhereItsReadsFoundNothing() {
        UUID sub = UUID.randomUUID();
        wakeups.emptyReads().foundNothing(wakeups.emptyReads().before(sub, "p"));

        wakeups.stored(List.of(sub));

        assertThat(wakeups.emptyReads().knownEmpty(sub, "p")).isFalse();
    }

    @Test
    void wakingAllAfterMissedNotificationsForgetsEveryEmptyRead() {
        UUID sub = UUID.randomUUID();
        wakeups.emptyReads().foundNothing(wakeups.emptyReads().before(sub, "p"));

        wakeups.wakeAll();

        assertThat(wakeups.emptyReads().knownEmpty(sub, "p")).isFalse();
    }
}
