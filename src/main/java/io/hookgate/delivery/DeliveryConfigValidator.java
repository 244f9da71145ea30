package io.hookgate.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Boot-time checks of {@link DeliveryConfig}; every problem is reported at once, by key. */
public final class DeliveryConfigValidator {

    private static final String PREFIX = "hookgate.delivery.";

    private DeliveryConfigValidator() {
    }

    /** Throws an {@link IllegalStateException} naming every invalid key, or returns quietly. */
    public static void validate(DeliveryConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid delivery configuration: " + String.join("; ", problems));
        }
    }

    /** The list of problems, empty when the configuration is usable. */
    public static List<String> problems(DeliveryConfig c) {
        List<String> p = new ArrayList<>();
        if (c.retrySchedule().isEmpty()) {
            p.add(PREFIX + "retry-schedule must list at least one delay");
        }
        if (c.retrySchedule().stream().anyMatch(d -> !positive(d))) {
            p.add(PREFIX + "retry-schedule delays must all be positive");
        }
        check(p, c.jitter() >= 0 && c.jitter() < 1, "jitter must be in [0, 1)");
        check(p, !c.overloadFloor().isNegative(), "overload-floor must not be negative");
        check(p, positive(c.timeout()), "timeout must be positive");
        capProblems(p, c);
        check(p, positive(c.disableAfter()), "disable-after must be positive");
        check(p, c.maxResponseBytes() >= 1, "max-response-bytes must be at least 1");
        check(p, c.claimBatchSize() >= 1, "claim-batch-size must be at least 1");
        // a lease shorter than the request timeout lets another replica re-claim a row still in flight
        check(p, c.lease().compareTo(c.timeout()) > 0, "lease must be longer than timeout");
        check(p, positive(c.pollInterval()), "poll-interval must be positive");
        breakerProblems(p, c.breaker());
        return p;
    }

    // endpoint <= host <= global and endpoint <= tenant <= global: a cap above its enclosing one would never bind
    private static void capProblems(List<String> p, DeliveryConfig c) {
        check(p, c.maxInFlightPerEndpoint() >= 1, "max-in-flight-per-endpoint must be at least 1");
        check(p, c.maxInFlightPerHost() >= 1, "max-in-flight-per-host must be at least 1");
        check(p, c.maxInFlightPerTenant() >= 1, "max-in-flight-per-tenant must be at least 1");
        check(p, c.maxInFlight() >= 1, "max-in-flight must be at least 1");
        check(p, c.maxInFlightPerEndpoint() <= c.maxInFlightPerHost(),
                "max-in-flight-per-endpoint must not exceed max-in-flight-per-host");
        check(p, c.maxInFlightPerEndpoint() <= c.maxInFlightPerTenant(),
                "max-in-flight-per-endpoint must not exceed max-in-flight-per-tenant");
        check(p, c.maxInFlightPerEndpointCeiling() >= 1, "max-in-flight-per-endpoint-ceiling must be at least 1");
        check(p, c.maxInFlightPerHost() <= c.maxInFlight(), "max-in-flight-per-host must not exceed max-in-flight");
        check(p, c.maxInFlightPerTenant() <= c.maxInFlight(),
                "max-in-flight-per-tenant must not exceed max-in-flight");
    }

    private static void breakerProblems(List<String> p, DeliveryConfig.Breaker b) {
        check(p, b.failureRatio() > 0 && b.failureRatio() <= 1, "breaker.failure-ratio must be in (0, 1]");
        check(p, b.minimumRequests() >= 1, "breaker.minimum-requests must be at least 1");
        check(p, b.window().toMillis() >= 1, "breaker.window must be at least 1ms");
        check(p, positive(b.openFor()), "breaker.open-for must be positive");
    }

    private static void check(List<String> problems, boolean ok, String message) {
        if (!ok) {
            problems.add(PREFIX + message);
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
