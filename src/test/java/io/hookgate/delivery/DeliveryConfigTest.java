package io.hookgate.delivery;

import io.hookgate.delivery.policy.InFlightLimiter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

class DeliveryConfigTest {

    // addDiscoveredConverters picks up Quarkus' DurationConverter, as the application does
    private static DeliveryConfig load(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDiscoveredConverters()
                .withMapping(DeliveryConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(DeliveryConfig.class);
    }

    @Test
    void defaultsMatchTheSpec() {
        DeliveryConfig config = load(Map.of());
        assertThat(config.retrySchedule()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
                Duration.ofHours(10));
        assertThat(config.jitter()).isEqualTo(0.2);
        assertThat(config.overloadFloor()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.maxInFlightPerEndpoint()).isEqualTo(8);
        assertThat(config.maxInFlightPerHost()).isEqualTo(64);
        assertThat(config.maxInFlightPerTenant()).isEqualTo(256);
        assertThat(config.maxInFlight()).isEqualTo(512);
        assertThat(config.disableAfter()).isEqualTo(Duration.ofDays(5));
        assertThat(config.maxResponseBytes()).isEqualTo(65536);
        assertThat(config.claimBatchSize()).isEqualTo(256);
        assertThat(config.lease()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.breaker().enabled()).isTrue();
        assertThat(config.breaker().failureRatio()).isEqualTo(0.7);
        assertThat(config.breaker().minimumRequests()).isEqualTo(10);
        assertThat(config.breaker().window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.breaker().openFor()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void defaultsPassValidation() {
        assertThat(DeliveryConfigValidator.problems(load(Map.of()))).isEmpty();
    }

    @Test
    void scheduleAcceptsShortAndIsoForms() {
        DeliveryConfig config = load(Map.of("hookgate.delivery.retry-schedule", "500ms,PT10S,1d"));
        assertThat(config.retrySchedule())
                .isEqualTo(List.of(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofDays(1)));
    }

    @Test
    void invalidValuesAreAllReportedByKey() {
        DeliveryConfig config = load(Map.of(
                "hookgate.delivery.jitter", "1.0",
                "hookgate.delivery.max-in-flight-per-endpoint", "600",
                "hookgate.delivery.lease", "10s",
                "hookgate.delivery.retry-schedule", "5s,0s",
                "hookgate.delivery.breaker.failure-ratio", "0"));
        assertThat(DeliveryConfigValidator.problems(config)).containsExactlyInAnyOrder(
                "hookgate.delivery.retry-schedule delays must all be positive",
                "hookgate.delivery.jitter must be in [0, 1)",
                "hookgate.delivery.max-in-flight-per-endpoint must not exceed max-in-flight-per-host",
                "hookgate.delivery.max-in-flight-per-endpoint must not exceed max-in-flight-per-tenant",
                "hookgate.delivery.lease must be longer than timeout",
                "hookgate.delivery.breaker.failure-ratio must be in (0, 1]");
        assertThatThrownBy(() -> DeliveryConfigValidator.validate(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hookgate.delivery.jitter");
    }

    @ParameterizedTest(name = "endpoint {0}, host {1}, tenant {2}, global {3}")
    @CsvSource({
        "8, 64, 256, 512, ''",
        "8, 8, 8, 8, ''",
        "0, 64, 256, 512, max-in-flight-per-endpoint must be at least 1",
        "8, 4, 256, 512, max-in-flight-per-endpoint must not exceed max-in-flight-per-host",
        "8, 64, 4, 512, max-in-flight-per-endpoint must not exceed max-in-flight-per-tenant",
        "8, 600, 256, 512, max-in-flight-per-host must not exceed max-in-flight",
        "8, 64, 600, 512, max-in-flight-per-tenant must not exceed max-in-flight",
    })
    void inFlightCapsMustNestEndpointInHostAndTenantInGlobal(int endpoint, int host, int tenant, int global,
            String problem) {
        DeliveryConfig config = load(Map.of("hookgate.delivery.max-in-flight-per-endpoint", "" + endpoint,
                "hookgate.delivery.max-in-flight-per-host", "" + host,
                "hookgate.delivery.max-in-flight-per-tenant", "" + tenant,
                "hookgate.delivery.max-in-flight", "" + global));
        if (problem == null || problem.isEmpty()) {
            assertThat(DeliveryConfigValidator.problems(config)).isEmpty();
        } else {
            assertThat(DeliveryConfigValidator.problems(config)).containsExactly("hookgate.delivery." + problem);
        }
    }

    @Test
    void policiesAreBuiltFromTheConfiguration() {
        DeliveryConfig config = load(Map.of());
        assertThat(DeliveryPolicyProducer.retryPolicy(config).maxAttempts()).isEqualTo(8);
        assertThat(new InFlightLimiter(DeliveryPolicyProducer.inFlightCaps(config)).available()).isEqualTo(512);
        assertThat(EndpointBreakers.from(config.breaker(), java.time.Clock.systemUTC()).enabled()).isTrue();
    }
}
