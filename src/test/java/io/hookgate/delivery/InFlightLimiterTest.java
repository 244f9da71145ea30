package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

class InFlightLimiterTest {

    @Test
    void perEndpointCapRefusesTheNinthRequest() {
        InFlightLimiter limiter = new InFlightLimiter(8, 512);
        for (int i = 0; i < 8; i++) {
            assertThat(limiter.tryAcquire("slow")).isTrue();
        }
        assertThat(limiter.tryAcquire("slow")).isFalse();
        assertThat(limiter.endpointSaturated("slow")).isTrue();
        assertThat(limiter.saturatedEndpoints()).containsExactly("slow");
        assertThat(limiter.tryAcquire("healthy")).as("other endpoints are unaffected").isTrue();
        assertThat(limiter.inFlight("slow")).isEqualTo(8);
        assertThat(limiter.inFlight()).isEqualTo(9);
    }

    @Test
    void globalCapRefusesEvenEndpointsWithNothingInFlight() {
        InFlightLimiter limiter = new InFlightLimiter(2, 3);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("b")).isTrue();
        assertThat(limiter.saturated()).isTrue();
        assertThat(limiter.available()).isZero();
        assertThat(limiter.tryAcquire("c")).isFalse();
        assertThat(limiter.inFlight("c")).isZero();
        limiter.release("a");
        assertThat(limiter.tryAcquire("c")).isTrue();
    }

    @Test
    void refusedRequestTakesNoGlobalPermit() {
        InFlightLimiter limiter = new InFlightLimiter(1, 10);
        limiter.tryAcquire("a");
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire("a")).isFalse();
        }
        assertThat(limiter.inFlight()).isEqualTo(1);
        assertThat(limiter.available()).isEqualTo(9);
    }

    @Test
    void releaseFreesThePermitAndForgetsIdleEndpoints() {
        InFlightLimiter limiter = new InFlightLimiter(1, 10);
        limiter.tryAcquire("a");
        limiter.release("a");
        assertThat(limiter.inFlight()).isZero();
        assertThat(limiter.inFlight("a")).isZero();
        assertThat(limiter.endpointSaturated("a")).isFalse();
        assertThat(limiter.saturatedEndpoints()).isEmpty();
        assertThat(limiter.tryAcquire("a")).isTrue();
    }

    @Test
    void releaseWithoutAPermitIsIgnored() {
        InFlightLimiter limiter = new InFlightLimiter(2, 2);
        limiter.tryAcquire("a");
        limiter.release("b");
        limiter.release("a");
        limiter.release("a");
        assertThat(limiter.inFlight()).isZero();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("b")).isTrue();
        assertThat(limiter.tryAcquire("c")).isFalse();
    }

    @Test
    void invalidCapsAreRejected() {
        assertThatThrownBy(() -> new InFlightLimiter(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InFlightLimiter(11, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void capsHoldUnderConcurrentUse() throws Exception {
        InFlightLimiter limiter = new InFlightLimiter(3, 5);
        AtomicInteger violations = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            String key = "endpoint-" + (t % 2);
            tasks.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                    if (limiter.tryAcquire(key)) {
                        if (limiter.inFlight(key) > 3 || limiter.inFlight() > 5) {
                            violations.incrementAndGet();
                        }
                        limiter.release(key);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> task : tasks) {
            task.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(violations).hasValue(0);
        assertThat(limiter.inFlight()).isZero();
        assertThat(limiter.saturatedEndpoints()).isEmpty();
    }
}
