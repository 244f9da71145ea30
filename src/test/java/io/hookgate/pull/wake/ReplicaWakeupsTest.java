package io.hookgate.pull.wake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The injected seam: bounded by max-waiters (refused beyond), the same local registry, the waiters gauge. */
class ReplicaWakeupsTest {

    private final Vertx vertx = Vertx.vertx();
    private final LocalWakeups local = new LocalWakeups(vertx);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReplicaWakeups wakeups = new ReplicaWakeups(local, config(3), registry);

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void aWaitBeyondMaxWaitersFailsWith503AndRoomReturnsWhenAWaiterEnds() {
        UUID sub = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            wakeups.next(sub, Duration.ofMinutes(1)).subscribe().with(v -> { });
        }
        assertThat(wakeups.admits()).isFalse();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        wakeups.next(UUID.randomUUID(), Duration.ofMinutes(1)).subscribe().with(v -> { }, refused::set);
        assertThat(refused.get()).isInstanceOf(TooManyWaitersException.class);
        assertThat(((TooManyWaitersException) refused.get()).max()).isEqualTo(3);
        assertThat(registry.get("hookgate.pull.waiters").gauge().value()).isEqualTo(3.0);

        wakeups.stored(List.of(sub));
        assertThat(wakeups.admits()).isTrue();
        assertThat(registry.get("hookgate.pull.waiters").gauge().value()).isZero();
    }

    @Test
    void storesReachWaitersThroughTheSameLocalRegistry() {
        UUID sub = UUID.randomUUID();
        AtomicReference<String> done = new AtomicReference<>();
        wakeups.next(sub, Duration.ofMinutes(1)).subscribe().with(v -> done.set("woken"));
        local.stored(List.of(sub));
        assertThat(done.get()).isEqualTo("woken");
    }

    static PullWakeConfig config(int maxWaiters) {
        return new PullWakeConfig() {
            @Override
            public Duration recheck() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int maxWaiters() {
                return maxWaiters;
            }

            @Override
            public int maxWaitersPerTenant() {
                return maxWaiters;
            }

            @Override
            public Listener listener() {
                return null;
            }
        };
    }
}
