package io.hookgate.pull.wake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reconnect pauses of the LISTEN connection double from the minimum and stop at the maximum. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @ParameterizedTest
    @CsvSource({"0,100", "1,200", "2,400", "5,3200", "6,5000", "40,5000", "2147483647,5000", "-1,100"})
    void pausesDoubleUpToTheMaximum(int failures, long expected) {
        assertThat(backoff.delayMillis(failures)).isEqualTo(expected);
    }
}
