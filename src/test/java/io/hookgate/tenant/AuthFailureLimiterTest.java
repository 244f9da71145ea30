package io.hookgate.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthFailureLimiterTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void clientIsBlockedAfterTheBurstOfFailures() {
        AuthFailureLimiter limiter = new AuthFailureLimiter(20, Duration.ofMinutes(1), 100, clock);
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.blockedFor("10.0.0.1")).isEmpty();
            limiter.recordFailure("10.0.0.1");
        }
        assertThat(limiter.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(3));
        assertThat(limiter.blockedFor("10.0.0.2")).isEmpty();
    }

    @Test
    void allowanceRefillsOverTime() {
        AuthFailureLimiter limiter = new AuthFailureLimiter(2, Duration.ofMinutes(1), 100, clock);
        limiter.recordFailure("a");
        limiter.recordFailure("a");
        assertThat(limiter.blockedFor("a")).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(limiter.blockedFor("a")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.blockedFor("a")).isEmpty();
        limiter.recordFailure("a");
        assertThat(limiter.blockedFor("a")).isPresent();
    }

    @Test
    void refillNeverExceedsTheBurst() {
        AuthFailureLimiter limiter = new AuthFailureLimiter(2, Duration.ofMinutes(1), 100, clock);
        limiter.recordFailure("a");
        clock.advance(Duration.ofHours(1));
        limiter.recordFailure("a");
        limiter.recordFailure("a");
        assertThat(limiter.blockedFor("a")).isPresent();
    }

    @Test
    void trackedClientsAreBounded() {
        AuthFailureLimiter limiter = new AuthFailureLimiter(1, Duration.ofMinutes(1), 2, clock);
        limiter.recordFailure("a");
        limiter.recordFailure("b");
        limiter.recordFailure("c");
        // "a" was the least recently seen and is forgotten
        assertThat(limiter.blockedFor("a")).isEmpty();
        assertThat(limiter.blockedFor("b")).isPresent();
        assertThat(limiter.blockedFor("c")).isPresent();
    }

    @Test
    void clearForgetsEveryone() {
        AuthFailureLimiter limiter = new AuthFailureLimiter(1, Duration.ofMinutes(1), 10, clock);
        limiter.recordFailure("a");
        limiter.clear();
        assertThat(limiter.blockedFor("a")).isEmpty();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
