package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.delivery.policy.CircuitBreakerTest;
import io.hookgate.delivery.policy.CircuitBreaker;
import io.hookgate.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class EndpointBreakersTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final EndpointBreakers breakers = new EndpointBreakers(clock, true, CircuitBreakerTest.DEFAULTS);

    private static void fail(EndpointBreakers breakers, String key, int times) {
        for (int i = 0; i < times; i++) {
            breakers.onFailure(key);
        }
    }

    @Test
    void failingEndpointDoesNotOpenOthersBreakers() {
        fail(breakers, "bad", 10);
        breakers.onSuccess("good");
        assertThat(breakers.allowsRequest("bad")).isFalse();
        assertThat(breakers.allowsRequest("good")).isTrue();
        assertThat(breakers.openUntil("bad")).contains(clock.instant().plusSeconds(30));
        assertThat(breakers.openUntil("good")).isEmpty();
        assertThat(breakers.openUntil("never-seen")).isEmpty();
    }

    @Test
    void openCountIncludesOpenAndHalfOpenBreakers() {
        fail(breakers, "a", 10);
        fail(breakers, "b", 10);
        breakers.onSuccess("c");
        assertThat(breakers.openCount()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(30));
        assertThat(breakers.allowsRequest("a")).isTrue();
        assertThat(breakers.openCount()).isEqualTo(2);
        breakers.onSuccess("a");
        assertThat(breakers.openCount()).isEqualTo(1);
    }

    @Test
    void disabledBreakersAllowEverythingTrackNothingAndNeverOpen() {
        EndpointBreakers disabled = new EndpointBreakers(clock, false, CircuitBreakerTest.DEFAULTS);
        for (int i = 0; i < 100; i++) {
            assertThat(disabled.onFailure("bad")).isEqualTo(CircuitBreaker.Transition.NONE);
            assertThat(disabled.allowsRequest("bad")).isTrue();
        }
        assertThat(disabled.onSuccess("bad")).isEqualTo(CircuitBreaker.Transition.NONE);
        assertThat(disabled.openUntil("bad")).isEmpty();
        assertThat(disabled.openCount()).isZero();
        assertThat(disabled.size()).isZero();
    }

    @Test
    void outcomesReportTheTransitionTheyCaused() {
        for (int i = 0; i < 9; i++) {
            assertThat(breakers.onFailure("e")).isEqualTo(CircuitBreaker.Transition.NONE);
        }
        assertThat(breakers.onFailure("e")).isEqualTo(CircuitBreaker.Transition.OPENED);
        assertThat(breakers.openUntil("e")).contains(clock.instant().plusSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(breakers.openUntil("e")).as("a request may go: the probe").isEmpty();
        assertThat(breakers.allowsRequest("e")).isTrue();
        assertThat(breakers.openUntil("e")).as("the probe is out").contains(clock.instant().plusSeconds(30));
        assertThat(breakers.onSuccess("e")).isEqualTo(CircuitBreaker.Transition.CLOSED);
        assertThat(breakers.openUntil("e")).isEmpty();
    }

    @Test
    void breakersRunOnTheInjectedClock() {
        fail(breakers, "e", 10);
        clock.advance(Duration.ofSeconds(29));
        assertThat(breakers.allowsRequest("e")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breakers.allowsRequest("e")).isTrue();
    }

    @Test
    void idleClosedBreakersAreEvictedOnALaterCall() {
        breakers.onSuccess("old");
        clock.advance(Duration.ofMinutes(10).plusMillis(1));
        breakers.onSuccess("new");
        assertThat(breakers.size()).isEqualTo(1);
    }

    @Test
    void recentlyUsedBreakersAreKept() {
        breakers.onSuccess("a");
        clock.advance(Duration.ofMinutes(9));
        breakers.evictIdle();
        assertThat(breakers.size()).isEqualTo(1);
    }

    @Test
    void openBreakersAreKeptUntilTheyStopRejecting() {
        CircuitBreaker.Settings longOpen =
                new CircuitBreaker.Settings(0.7, 10, 20, Duration.ofMinutes(1), Duration.ofMinutes(5));
        EndpointBreakers shortWindow = new EndpointBreakers(clock, true, longOpen);
        fail(shortWindow, "bad", 10);
        clock.advance(Duration.ofMinutes(3));
        shortWindow.evictIdle();
        assertThat(shortWindow.allowsRequest("bad")).isFalse();
        clock.advance(Duration.ofMinutes(6));
        shortWindow.evictIdle();
        assertThat(shortWindow.size()).isZero();
    }
}
