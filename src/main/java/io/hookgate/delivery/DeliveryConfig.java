package io.hookgate.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/**
 * Outbound delivery settings (SPEC §3). Durations accept the Quarkus short forms
 * ({@code 500ms}, {@code 5s}, {@code 5m}, {@code 2h}, {@code 5d}) as well as ISO-8601.
 * Checked at boot by {@link DeliveryConfigValidator}.
 */
@ConfigMapping(prefix = "hookgate.delivery")
public interface DeliveryConfig {

    /** Delays before each retry after the first attempt; its size is the number of retries. */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** Relative jitter applied to each scheduled delay, in [0, 1): 0.2 means ±20 %. */
    @WithDefault("0.2")
    double jitter();

    /** Minimum delay before the next attempt after a timeout, a 429 or a 503. */
    @WithDefault("60s")
    Duration overloadFloor();

    /** Whole-request timeout of one delivery attempt. */
    @WithDefault("15s")
    Duration timeout();

    /**
     * Most requests in flight at once to a single endpoint (one subscription URL) while it has not proved faster:
     * the floor of its adaptive limit. A hanging endpoint never holds more than this.
     */
    @WithDefault("8")
    int maxInFlightPerEndpoint();

    /**
     * How far an endpoint's limit may grow while it answers near its fastest latency and nothing fails. Taken
     * within the per-host and per-tenant caps; at or below {@code max-in-flight-per-endpoint} the limit is fixed.
     */
    @WithDefault("64")
    int maxInFlightPerEndpointCeiling();

    /** Most requests in flight at once to one host and port, whatever the URLs: many URLs on a host share this. */
    @WithDefault("64")
    int maxInFlightPerHost();

    /** Most requests in flight at once for one tenant's deliveries: its share of the global cap. */
    @WithDefault("256")
    int maxInFlightPerTenant();

    /** Most delivery requests in flight at once across all endpoints. */
    @WithDefault("512")
    int maxInFlight();

    /** A subscription with no 2xx for this long of continuous failure is disabled. */
    @WithDefault("5d")
    Duration disableAfter();

    /** Most bytes of a response body that are read; the rest is discarded. */
    @WithDefault("65536")
    int maxResponseBytes();

    /** Most due deliveries claimed from the database in one batch. */
    @WithDefault("256")
    int claimBatchSize();

    /** How long a claimed delivery stays locked to this replica; must exceed the timeout. */
    @WithDefault("60s")
    Duration lease();

    /** Fallback polling interval of the dispatcher when no wake-up signal arrives. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Per-endpoint circuit breaker settings. */
    Breaker breaker();

    /** Per-endpoint circuit breaker: {@code hookgate.delivery.breaker.*}. */
    interface Breaker {

        /** Whether the per-endpoint circuit breaker is active at all. */
        @WithDefault("true")
        boolean enabled();

        /** Failure share within the window, in (0, 1], at or above which the breaker opens. */
        @WithDefault("0.7")
        double failureRatio();

        /** Fewest outcomes within the window before the failure ratio is considered. */
        @WithDefault("10")
        int minimumRequests();

        /** Failures in a row, without a success in between, that open the breaker whatever the ratio. */
        @WithDefault("20")
        int consecutiveFailures();

        /** Sliding time window over which outcomes are counted. */
        @WithDefault("5m")
        Duration window();

        /** How long an open breaker rejects requests before it lets one probe through. */
        @WithDefault("30s")
        Duration openFor();
    }
}
