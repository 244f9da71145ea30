package io.hookgate.inbound.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Per-client and per-source token buckets of the ingest endpoint, on a clock the test moves. */
class IngestLimitsTest {

    private final MutableClock clock = new MutableClock();
    private final IngestLimits limits = new IngestLimits(3, 5, 100, clock);

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefill() {
        assertThat(IntStream.range(0, 3).allMatch(i -> limits.tryClient("192.0.2.1"))).isTrue();
        assertThat(limits.tryClient("192.0.2.1")).isFalse();
        assertThat(limits.tryClient("192.0.2.2")).as("another address has its own bucket").isTrue();
        clock.advance(Duration.ofMillis(400));
        assertThat(limits.tryClient("192.0.2.1")).as("a third of a second refills one of 3/s").isTrue();
        assertThat(limits.tryClient("192.0.2.1")).isFalse();
    }

    @Test
    void aSourceIsLimitedWhateverTheClients() {
        assertThat(IntStream.range(0, 5).allMatch(i -> limits.trySource("s1"))).isTrue();
        assertThat(limits.trySource("s1")).isFalse();
        assertThat(limits.trySource("s2")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(IntStream.range(0, 5).allMatch(i -> limits.trySource("s1"))).isTrue();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T12:00:00Z");

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
