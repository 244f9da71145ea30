package io.hookgate.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookgate.support.NoPolling;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The intake store's fault-tolerance guard: outages are waited out, a record's data error is final at once. */
@QuarkusTest
@TestProfile(NoPolling.class)
class StoreRetryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    FanOutStore store;

    @Test
    void transientFailuresAreRetriedWithBackoffUntilTheStepSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();

        String result = store.retrying(() -> calls.incrementAndGet() <= 5
                ? Uni.createFrom().failure(new PgException("the database system is starting up", "FATAL", "57P03",
                        null))
                : Uni.createFrom().item("stored")).await().atMost(WAIT);

        assertThat(result).isEqualTo("stored");
        // more than MicroProfile's default of 3 retries: the intake store never gives up
        assertThat(calls).hasValue(6);
        // 100 + 200 + 400 + 800 + 1600 ms of backoff, each less at most 50 ms of jitter
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(2_800));
    }

    @Test
    void aDataErrorIsNotRetriedButEndsAsStoreRejected() {
        AtomicInteger calls = new AtomicInteger();

        Uni<String> rejected = store.retrying(() -> {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new PgException("value too long", "ERROR", "22001", null));
        });

        assertThatThrownBy(() -> rejected.await().atMost(WAIT)).isInstanceOf(StoreRejectedException.class)
                .hasMessageContaining("SQLSTATE 22001");
        assertThat(calls).hasValue(1);
    }

    @Test
    void everySubscriptionRunsTheStepAfresh() {
        AtomicInteger calls = new AtomicInteger();
        Uni<Integer> step = store.retrying(() -> Uni.createFrom().item(calls::incrementAndGet));

        assertThat(step.await().atMost(WAIT)).isEqualTo(1);
        assertThat(step.await().atMost(WAIT)).isEqualTo(2);
    }
}
