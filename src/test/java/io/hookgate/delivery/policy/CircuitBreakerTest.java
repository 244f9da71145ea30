package io.hookgate.delivery.policy;

import io.hookgate.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.delivery.policy.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

public class CircuitBreakerTest {

    public static final CircuitBreaker.Settings DEFAULTS =
            new CircuitBreaker.Settings(0.7, 10, 20, Duration.ofMinutes(5), Duration.ofSeconds(30));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker(clock, DEFAULTS);

    private void record(int successes, int failures) {
        for (int i = 0; i < successes; i++) {
            breaker.onSuccess();
        }
        for (int i = 0; i < failures; i++) {
            breaker.onFailure();
        }
    }

    private void trip() {
        record(0, 10);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void opensAtSeventyPercentFailuresOverTenRequests() {
        record(3, 7);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.allowsRequest()).isFalse();
        assertThat(breaker.openUntil()).contains(clock.instant().plusSeconds(30));
    }

    @Test
    void successReachingTheMinimumAlsoTripsAndSaysSo() {
        record(0, 9);
        assertThat(breaker.onSuccess()).isEqualTo(CircuitBreaker.Transition.OPENED);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void staysClosedWithNineRequestsEvenIfAllFail() {
        record(0, 9);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.allowsRequest()).isTrue();
        assertThat(breaker.openUntil()).isEmpty();
    }

    @Test
    void staysClosedJustBelowSeventyPercentFailures() {
        // interleaved so that no run of failures reaches the consecutive limit
        for (int i = 0; i < 30; i++) {
            record(1, 2);
        }
        record(0, 9);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void opensAfterTwentyFailuresInARowDespiteManySuccessesInTheWindow() {
        record(1000, 19);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.allowsRequest()).isFalse();
    }

    @Test
    void aSuccessEndsTheRunOfFailures() {
        record(1000, 19);
        record(1, 19);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void deniesRequestsUntilOpenForHasElapsed() {
        trip();
        clock.advance(Duration.ofSeconds(30).minusMillis(1));
        assertThat(breaker.allowsRequest()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.allowsRequest()).isTrue();
    }

    @Test
    void halfOpenLetsExactlyOneProbeThrough() {
        trip();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.allowsRequest()).isTrue();
        assertThat(breaker.allowsRequest()).isFalse();
        assertThat(breaker.allowsRequest()).isFalse();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.openUntil()).contains(clock.instant().plusSeconds(30));
    }

    @Test
    void probeSuccessClosesWithAClearedWindow() {
        trip();
        clock.advance(Duration.ofSeconds(30));
        breaker.allowsRequest();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.allowsRequest()).isTrue();
        record(0, 9);
        assertThat(breaker.state()).as("old failures were forgotten").isEqualTo(State.CLOSED);
    }

    @Test
    void probeFailureReopensForOpenFor() {
        trip();
        clock.advance(Duration.ofSeconds(30));
        breaker.allowsRequest();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.openUntil()).contains(clock.instant().plusSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.allowsRequest()).isFalse();
    }

    @Test
    void lostProbeIsReplacedAfterOpenFor() {
        trip();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.allowsRequest()).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.allowsRequest()).isTrue();
        assertThat(breaker.allowsRequest()).isFalse();
    }

    @Test
    void resultsReportedWhileOpenAreIgnored() {
        trip();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void windowExpiryForgetsOldFailures() {
        record(0, 9);
        clock.advance(Duration.ofMinutes(5).plusSeconds(30));
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void failuresSpreadWithinTheWindowStillCount() {
        for (int i = 0; i < 10; i++) {
            breaker.onFailure();
            clock.advance(Duration.ofSeconds(25));
        }
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    /** A clock that tests move by hand. */
}
