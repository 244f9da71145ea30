package io.hookgate.intake;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the intake: DOWN while a Kafka batch has waited longer than {@code hookgate.intake.stall-threshold}
 * to be stored. Not a liveness check: a restart cannot heal what blocks the store, and it would move the
 * partitions (and the wait) to another replica.
 */
@Readiness
@ApplicationScoped
public class IntakeReadiness implements HealthCheck {

    private final IntakeMetrics metrics;
    private final Duration threshold;

    public IntakeReadiness(IntakeMetrics metrics, IntakeConfig config) {
        this.metrics = metrics;
        this.threshold = config.stallThreshold();
    }

    @Override
    public HealthCheckResponse call() {
        double oldest = metrics.oldestUnstoredSeconds();
        boolean stalled = !threshold.isZero() && oldest * 1000 > threshold.toMillis();
        return HealthCheckResponse.named("intake").status(!stalled)
                .withData("oldest_unstored_seconds", Math.round(oldest)).build();
    }
}
