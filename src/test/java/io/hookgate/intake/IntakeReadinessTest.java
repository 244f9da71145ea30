package io.hookgate.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class IntakeReadinessTest {

    private final StepClock clock = new StepClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IntakeMetrics metrics = new IntakeMetrics(registry, clock);

    @Test
    void theGaugeIsTheAgeOfTheOldestBatchNotYetStoredAndZeroWithoutOne() {
        assertThat(gauge()).isZero();
        Object first = metrics.unstored(clock.instant());
        clock.advance(Duration.ofSeconds(30));
        Object second = metrics.unstored(clock.instant());
        clock.advance(Duration.ofSeconds(15));

        assertThat(gauge()).isEqualTo(45.0);
        metrics.storedOrGone(first);
        assertThat(gauge()).isEqualTo(15.0);
        metrics.storedOrGone(second);
        assertThat(gauge()).isZero();
    }

    @Test
    void readinessIsDownOnlyWhileABatchHasWaitedLongerThanTheThreshold() {
        IntakeReadiness readiness = new IntakeReadiness(metrics, config(Duration.ofMinutes(2)));
        Object batch = metrics.unstored(clock.instant());

        clock.advance(Duration.ofMinutes(2));
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        clock.advance(Duration.ofSeconds(1));
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(readiness.call().getData()).hasValueSatisfying(d -> assertThat(d).containsEntry(
                "oldest_unstored_seconds", 121L));
        metrics.storedOrGone(batch);
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aZeroThresholdNeverTurnsReadinessDown() {
        IntakeReadiness readiness = new IntakeReadiness(metrics, config(Duration.ZERO));
        metrics.unstored(clock.instant());
        clock.advance(Duration.ofDays(1));

        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    private double gauge() {
        return registry.get("hookgate.intake.oldest.unstored").gauge().value();
    }

    private static IntakeConfig config(Duration threshold) {
        return new IntakeConfig() {
            @Override
            public String groupId() {
                return "hookgate";
            }

            @Override
            public int batchesInFlight() {
                return 2;
            }

            @Override
            public Duration stallThreshold() {
                return threshold;
            }
        };
    }

    private static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
