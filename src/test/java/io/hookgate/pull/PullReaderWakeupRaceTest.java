package io.hookgate.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.pull.wake.LocalWakeups;
import io.hookgate.pull.wake.TenantWaits;
import io.hookgate.subscription.PullLimits;
import io.hookgate.subscription.SubscriptionFormat;
import io.hookgate.subscription.SubscriptionMode;
import io.hookgate.subscription.SubscriptionRow;
import io.hookgate.subscription.SubscriptionStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A message stored (and its wake-up sent) while a long-poll's empty read is on its way back must still wake that
 * long-poll: the waiter has to exist before the read, or the wake-up finds nobody and the poll sleeps its whole wait.
 */
class PullReaderWakeupRaceTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void aWakeupBetweenTheEmptyReadAndTheWaitIsNotLost() {
        LocalWakeups wakeups = new LocalWakeups(vertx);
        UUID id = UUID.randomUUID();
        PullStore.Stored message = new PullStore.Stored(new PullCursor(5, 1), "evt_x", "chat.message", "t", "{}");
        AtomicInteger reads = new AtomicInteger();
        // the first read's snapshot is empty, and the store commits (and wakes) before that answer arrives
        PullStore store = new PullStore(null, null) {
            @Override
            public Uni<StoredPage> read(UUID tenantId, UUID subscriptionId, Optional<PullCursor> after,
                    int limit) {
                if (reads.getAndIncrement() == 0) {
                    wakeups.stored(List.of(subscriptionId));
                    return Uni.createFrom().item(new StoredPage(false, PullCursor.START, List.of()));
                }
                return Uni.createFrom().item(new StoredPage(false, PullCursor.START, List.of(message)));
            }
        };
        PullReader reader = new PullReader(store, null, wakeups, null, new TenantWaits(100));

        long start = System.nanoTime();
        Duration wait = Duration.ofSeconds(20);
        PullReader.Read read = reader.read(row(id), Optional.empty(), 100, wait)
                .await().atMost(Duration.ofSeconds(30));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(read.page().messages()).containsExactly(message);
        // woken, not timed out: far below the wait even on a loaded machine
        assertThat(took).isLessThan(wait.dividedBy(4));
        assertThat(wakeups.size()).isZero();
    }

    @Test
    void aReadThatFindsMessagesLeavesNoWaiterBehind() {
        LocalWakeups wakeups = new LocalWakeups(vertx);
        PullStore.Stored message = new PullStore.Stored(new PullCursor(5, 1), "evt_x", "chat.message", "t", "{}");
        PullStore store = new PullStore(null, null) {
            @Override
            public Uni<StoredPage> read(UUID tenantId, UUID subscriptionId, Optional<PullCursor> after,
                    int limit) {
                return Uni.createFrom().item(new StoredPage(false, PullCursor.START, List.of(message)));
            }
        };
        PullReader reader = new PullReader(store, null, wakeups, null, new TenantWaits(100));
        reader.read(row(UUID.randomUUID()), Optional.empty(), 100, Duration.ofSeconds(30))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(wakeups.size()).isZero();
    }

    static SubscriptionRow row(UUID id) {
        Instant now = Instant.now();
        return new SubscriptionRow(id, UUID.randomUUID(), SubscriptionMode.PULL, null, List.of("chat.message"), null,
                SubscriptionFormat.STANDARD, null, SubscriptionStatus.ACTIVE, null, 0, new byte[0], null, null, null,
                null, null, PullLimits.DEFAULTS, now, now);
    }
}
