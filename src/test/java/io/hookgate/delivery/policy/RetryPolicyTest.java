package io.hookgate.delivery.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookgate.delivery.policy.AttemptOutcome.ErrorKind;
import io.hookgate.delivery.policy.RetryDecision.Exhausted;
import io.hookgate.delivery.policy.RetryDecision.RetryAt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));
    private static final AttemptOutcome SERVER_ERROR = AttemptOutcome.status(500);

    private static RetryPolicy policy(double unitRandom) {
        return new RetryPolicy(SCHEDULE, 0.2, Duration.ofSeconds(60), () -> unitRandom);
    }

    private static Duration delay(RetryDecision decision) {
        assertThat(decision).isInstanceOf(RetryAt.class);
        return Duration.between(NOW, ((RetryAt) decision).at());
    }

    private static Duration delayAfter(int attempt, AttemptOutcome outcome, Optional<Duration> retryAfter) {
        return delay(policy(0.5).next(attempt, outcome, retryAfter, NOW));
    }

    @ParameterizedTest(name = "after attempt {0}: random {1} gives {2}")
    @CsvSource({
        "1, 0.5, PT5S", "1, 0.0, PT4S", "1, 1.0, PT6S",
        "2, 0.5, PT5M", "2, 0.0, PT4M", "2, 1.0, PT6M",
        "3, 0.5, PT30M", "3, 0.0, PT24M", "3, 1.0, PT36M",
        "4, 0.5, PT2H", "5, 0.5, PT5H", "6, 0.5, PT10H",
        "7, 0.5, PT10H", "7, 0.0, PT8H", "7, 1.0, PT12H",
    })
    void delayFollowsTheScheduleWithinTwentyPercentJitter(int attempt, double random, Duration expected) {
        assertThat(delay(policy(random).next(attempt, SERVER_ERROR, Optional.empty(), NOW))).isEqualTo(expected);
    }

    @Test
    void jitterStaysWithinBoundsForAnyRandomValue() {
        for (double r = 0; r < 1; r += 0.01) {
            assertThat(delay(policy(r).next(1, SERVER_ERROR, Optional.empty(), NOW)))
                    .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));
        }
    }

    @Test
    void deliveryIsExhaustedAfterEightAttempts() {
        RetryPolicy policy = policy(0.5);
        assertThat(policy.maxAttempts()).isEqualTo(8);
        for (int attempt = 1; attempt <= 7; attempt++) {
            assertThat(policy.next(attempt, SERVER_ERROR, Optional.empty(), NOW)).isInstanceOf(RetryAt.class);
        }
        assertThat(policy.next(8, SERVER_ERROR, Optional.empty(), NOW)).isEqualTo(new Exhausted());
        assertThat(policy.next(9, SERVER_ERROR, Optional.empty(), NOW)).isEqualTo(new Exhausted());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "503, PT60S", "429, PT60S", "500, PT5S", "502, PT5S", "404, PT5S", "302, PT5S",
    })
    void overloadFloorAppliesAfter429And503ButNotOtherStatuses(int status, Duration expected) {
        assertThat(delayAfter(1, AttemptOutcome.status(status), Optional.empty())).isEqualTo(expected);
    }

    @Test
    void overloadFloorAppliesAfterTimeoutAndDnsFailureButNotAfterConnectionErrors() {
        assertThat(delayAfter(1, AttemptOutcome.error(ErrorKind.TIMEOUT), Optional.empty()))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(delayAfter(1, AttemptOutcome.error(ErrorKind.DNS_FAILURE), Optional.empty()))
                .isEqualTo(Duration.ofSeconds(60));
        for (ErrorKind kind : List.of(ErrorKind.CONNECT_ERROR, ErrorKind.TLS_ERROR, ErrorKind.EGRESS_DENIED)) {
            assertThat(delayAfter(1, AttemptOutcome.error(kind), Optional.empty())).isEqualTo(Duration.ofSeconds(5));
        }
    }

    @Test
    void overloadFloorNeverShortensALongerScheduledDelay() {
        assertThat(delayAfter(2, AttemptOutcome.status(503), Optional.empty())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void overloadFloorIsRaisedAboveJitteredDelay() {
        RetryPolicy policy = new RetryPolicy(List.of(Duration.ofSeconds(55)), 0.2, Duration.ofSeconds(60), () -> 0.0);
        assertThat(delay(policy.next(1, AttemptOutcome.status(429), Optional.empty(), NOW)))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(delay(policy.next(1, AttemptOutcome.status(500), Optional.empty(), NOW)))
                .isEqualTo(Duration.ofSeconds(44));
    }

    @ParameterizedTest(name = "after attempt {0}, Retry-After {1} gives {2}")
    @CsvSource({
        "2, PT10S, PT5M",
        "2, PT0S, PT5M",
        "2, PT7M, PT7M",
        "2, PT10M, PT10M",
        "2, PT1H, PT10M",
        "4, PT24H, PT4H",
        "4, PT3H, PT3H",
    })
    void retryAfterIsClampedToBetweenTheScheduledDelayAndTwiceIt(int attempt, Duration retryAfter,
            Duration expected) {
        assertThat(delayAfter(attempt, SERVER_ERROR, Optional.of(retryAfter))).isEqualTo(expected);
    }

    @Test
    void retryAfterIsNotJittered() {
        assertThat(delay(policy(1.0).next(2, SERVER_ERROR, Optional.of(Duration.ofMinutes(7)), NOW)))
                .isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void retryAfterWithinRangeIsHonouredOnOverload() {
        assertThat(delayAfter(2, AttemptOutcome.status(429), Optional.of(Duration.ofMinutes(8))))
                .isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void overloadFloorIsAppliedAfterTheRetryAfterClamp() {
        // base 5s: Retry-After 8s is in [5s, 10s], but after a 429 the floor of 60s still holds
        assertThat(delayAfter(1, AttemptOutcome.status(429), Optional.of(Duration.ofSeconds(8))))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(delayAfter(1, SERVER_ERROR, Optional.of(Duration.ofSeconds(8)))).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void redirectIsARetryableFailure() {
        assertThat(policy(0.5).next(1, AttemptOutcome.status(301), Optional.empty(), NOW)).isInstanceOf(RetryAt.class);
    }

    @Test
    void goneIsExhaustedAtOnce() {
        assertThat(policy(0.5).next(1, AttemptOutcome.status(410), Optional.empty(), NOW)).isEqualTo(new Exhausted());
    }

    @Test
    void deliveredOutcomeIsRejected() {
        assertThatThrownBy(() -> policy(0.5).next(1, AttemptOutcome.status(200), Optional.empty(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attemptCountBelowOneIsRejected() {
        assertThatThrownBy(() -> policy(0.5).next(0, SERVER_ERROR, Optional.empty(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidScheduleOrJitterIsRejected() {
        Duration floor = Duration.ofSeconds(60);
        assertThatThrownBy(() -> RetryPolicy.of(List.of(), 0.2, floor)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.of(List.of(Duration.ZERO), 0.2, floor))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.of(SCHEDULE, 1.0, floor)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.of(SCHEDULE, Double.NaN, floor))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroJitterGivesTheExactSchedule() {
        RetryPolicy policy = RetryPolicy.of(SCHEDULE, 0, Duration.ZERO);
        assertThat(delay(policy.next(3, SERVER_ERROR, Optional.empty(), NOW))).isEqualTo(Duration.ofMinutes(30));
    }
}
