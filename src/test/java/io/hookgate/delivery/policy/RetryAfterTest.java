package io.hookgate.delivery.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
        "120|PT2M",
        "0|PT0S",
        "' 30 '|PT30S",
        "00030|PT30S",
        "2147483647|PT596523H14M7S",
    })
    void deltaSecondsAreReadAsADelay(String header, Duration expected) {
        assertThat(RetryAfter.parse(header, NOW)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999", "99999999999999999999999999999999999999"})
    void hugeDeltaSecondsSaturateInsteadOfFailing(String header) {
        assertThat(RetryAfter.parse(header, NOW)).contains(Duration.ofSeconds(RetryAfter.MAX_DELTA_SECONDS));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        " ", "-5", "+5", "1.5", "5s", "abc", "0x10", "١٢٣", "Sun, 32 Mar 2026 12:00:00 GMT",
        "Tomorrow", "Sun, 01 Mar 2026 12:00:00", "1 2",
        "000000000000000000000000000000000000000000000000000000000000000000001",
    })
    void garbageRetryAfterIsIgnored(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isEmpty();
    }

    @Test
    void imfFixdateInTheFutureIsTheTimeUntilThen() {
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 12:02:30 GMT", NOW)).contains(Duration.ofSeconds(150));
    }

    @Test
    void httpDateInThePastMeansRetryNow() {
        assertThat(RetryAfter.parse("Sat, 28 Feb 2026 12:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void obsoleteRfc850DateIsAccepted() {
        assertThat(RetryAfter.parse("Sunday, 01-Mar-26 12:01:00 GMT", NOW)).contains(Duration.ofMinutes(1));
    }

    @Test
    void obsoleteAsctimeDateIsAccepted() {
        assertThat(RetryAfter.parse("Sun Mar  1 12:00:10 2026", NOW)).contains(Duration.ofSeconds(10));
    }

    @Test
    void missingNowGivesEmptyRatherThanThrowing() {
        assertThat(RetryAfter.parse("10", null)).isEqualTo(Optional.empty());
    }
}
