package io.hookgate.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.pull.wake.LocalWakeups;
import io.hookgate.pull.wake.TenantWaits;
import io.hookgate.subscription.SubscriptionRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An idle long-poll costs one statement, not two: when its wait ends and nothing woke it since its empty read, it
 * answers {@code data: []} at its own position without reading again. 10,000 idle long-polls re-poll every 30 s, so
 * a second read per wait was a third of their statements (docs/BENCHMARKS.md, "A re-poll cycle of 10,000 long-polls").
 */
class PullReaderWaitEndTest {

    private static final PullCursor AT = new PullCursor(42, 3);

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger reads = new AtomicInteger();
    private final List<UUID> readsFor = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void aWaitThatNothingWakesEndsEmptyAtItsPositionWithoutReadingAgain() {
        LocalWakeups wakeups = new LocalWakeups(vertx);
        PullReader reader = new PullReader(store(List.of()), null, wakeups, null, new TenantWaits(100));
        SubscriptionRow sub = PullReaderWakeupRaceTest.row(UUID.randomUUID());

        PullReader.Read read = reader.read(sub, Optional.of(AT), 100, Duration.ofMillis(300))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(read.page().messages()).isEmpty();
        assertThat(read.page().refresh()).isFalse();
        assertThat(read.next()).contains(AT);
        assertThat(reads).as("statements for one idle wait").hasValue(1);
        assertThat(wakeups.size()).isZero();
        assertThat(readsFor).as("the gate's turn is the tenant's").containsExactly(sub.tenantId());
    }

    @Test
    void aWaitWithoutACursorEndsEmptyWithoutOne() {
        PullReader reader = new PullReader(store(List.of()), null, new LocalWakeups(vertx), null, new TenantWaits(100));

        PullReader.Read read = reader.read(PullReaderWakeupRaceTest.row(UUID.randomUUID()), Optional.empty(), 100,
                Duration.ofMillis(200)).await().atMost(Duration.ofSeconds(10));

        assertThat(read.page().messages()).isEmpty();
        assertThat(read.next()).isEmpty();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aWakeupWhoseRowsAreNotVisibleYetStillReadsWhenTheWaitEnds() {
        LocalWakeups wakeups = new LocalWakeups(vertx);
        UUID id = UUID.randomUUID();
        PullReader reader = new PullReader(store(List.of()), null, wakeups, null, new TenantWaits(100));
        // woken, but every read stays empty (an older transaction holds the rows back): re-checks, then a last read
        vertx.setTimer(100, t -> wakeups.stored(List.of(id)));

        PullReader.Read read = reader.read(PullReaderWakeupRaceTest.row(id), Optional.of(AT), 100,
                Duration.ofMillis(400)).await().atMost(Duration.ofSeconds(10));

        assertThat(read.page().messages()).isEmpty();
        assertThat(read.next()).contains(AT);
        assertThat(reads.get()).as("the first read, the re-checks and the read at the end").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aWakeupThatCameDuringASlowReadIsNotTakenForTheEndOfTheWait() {
        LocalWakeups wakeups = new LocalWakeups(vertx);
        UUID id = UUID.randomUUID();
        PullStore.Stored message = new PullStore.Stored(new PullCursor(43, 1), "evt_x", "chat.message", "t", "{}");
        // the first read (queued behind other pull statements, say) answers empty only after the whole wait; a
        // message was stored, and its wake-up came, while it ran
        PullStore store = new PullStore(null, null) {
            @Override
            public Uni<StoredPage> read(UUID tenantId, UUID subscriptionId, Optional<PullCursor> after,
                    int limit) {
                if (reads.getAndIncrement() == 0) {
                    vertx.setTimer(50, t -> wakeups.stored(List.of(subscriptionId)));
                    return Uni.createFrom().item(new StoredPage(false, AT, List.<PullStore.Stored>of()))
                            .onItem().delayIt().by(Duration.ofMillis(600));
                }
                return Uni.createFrom().item(new StoredPage(false, AT, List.of(message)));
            }
        };
        PullReader reader = new PullReader(store, null, wakeups, null, new TenantWaits(100));

        PullReader.Read read = reader.read(PullReaderWakeupRaceTest.row(id), Optional.of(AT), 100,
                Duration.ofMillis(300)).await().atMost(Duration.ofSeconds(10));

        assertThat(read.page().messages()).containsExactly(message);
    }

    @Test
    void aPollAtAPositionWhereAReadFoundNothingSinceWaitsWithoutReading() {
        LocalWakeups wakeups = new LocalWakeups(vertx);
        PullReader reader = new PullReader(store(List.of()), null, wakeups, null, new TenantWaits(100));
        SubscriptionRow sub = PullReaderWakeupRaceTest.row(UUID.randomUUID());

        for (int poll = 0; poll < 3; poll++) {
            PullReader.Read read = reader.read(sub, Optional.of(AT), 100, Duration.ofMillis(150))
                    .await().atMost(Duration.ofSeconds(10));
            assertThat(read.page().messages()).isEmpty();
            assertThat(read.next()).contains(AT);
        }

        assertThat(reads).as("statements for three idle polls at one position").hasValue(1);
    }

    @Test
    void aStoreSignalledWhileNoPollWaitedIsReadByTheNextPollAtOnce() {
        LocalWakeups wakeups = new LocalWakeups(vertx);
        UUID id = UUID.randomUUID();
        PullStore.Stored message = new PullStore.Stored(new PullCursor(43, 1), "evt_x", "chat.message", "t", "{}");
        List<PullStore.Stored> stored = new java.util.concurrent.CopyOnWriteArrayList<>();
        PullReader reader = new PullReader(store(stored), null, wakeups, null, new TenantWaits(100));
        reader.read(PullReaderWakeupRaceTest.row(id), Optional.of(AT), 100, Duration.ofMillis(100))
                .await().atMost(Duration.ofSeconds(10));
        stored.add(message);
        wakeups.stored(List.of(id));

        long start = System.nanoTime();
        PullReader.Read read = reader.read(PullReaderWakeupRaceTest.row(id), Optional.of(AT), 100,
                Duration.ofSeconds(5)).await().atMost(Duration.ofSeconds(10));

        assertThat(read.page().messages()).containsExactly(message);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anotherPositionOfTheSameSubscriptionIsStillRead() {
        LocalWakeups wakeups = new LocalWakeups(vertx);
        PullReader reader = new PullReader(store(List.of()), null, wakeups, null, new TenantWaits(100));
        SubscriptionRow sub = PullReaderWakeupRaceTest.row(UUID.randomUUID());

        reader.read(sub, Optional.of(AT), 100, Duration.ofMillis(100)).await().atMost(Duration.ofSeconds(10));
        reader.read(sub, Optional.empty(), 100, Duration.ofMillis(100)).await().atMost(Duration.ofSeconds(10));

        assertThat(reads).hasValue(2);
    }

    private PullStore store(List<PullStore.Stored> page) {
        return new PullStore(null, null) {
            @Override
            public Uni<StoredPage> read(UUID tenantId, UUID subscriptionId, Optional<PullCursor> after,
                    int limit) {
                reads.incrementAndGet();
                readsFor.add(tenantId);
                return Uni.createFrom().item(new StoredPage(false, after.orElse(PullCursor.START), page));
            }
        };
    }
}
