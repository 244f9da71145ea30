package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EgressConfigTest {

    @Test
    void defaultsAreSafe() {
        EgressConfig config = load(Map.of());

        assertThat(config.allowHttp()).isFalse();
        assertThat(config.allowCidrs()).isEmpty();
        assertThat(config.maxConnectionsPerHost()).isEqualTo(16);
        assertThat(config.maxWaitQueue()).isEqualTo(256);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.resolveTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.dns().servers()).isEmpty();
        assertThat(config.dns().queryTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.dns().minTtl()).isZero();
        assertThat(config.dns().maxTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.dns().negativeTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.dns().cacheSize()).isEqualTo(10_000);
    }

    @Test
    void allowCidrsAreParsedFromACommaSeparatedList() {
        EgressConfig config = load(Map.of("hookgate.egress.allow-cidrs", "127.0.0.0/8,::1/128"));

        assertThat(config.allowCidrs()).hasValue(java.util.List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128")));
    }

    @Test
    void invalidAllowCidrFailsAtLoadNamingTheValue() {
        assertThatThrownBy(() -> load(Map.of("hookgate.egress.allow-cidrs", "127.0.0.0/8,10.0.0.1/8")))
                .hasStackTraceContaining("10.0.0.1/8")
                .hasStackTraceContaining("host bits");
    }

    private static EgressConfig load(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(EgressConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withConverter(Duration.class, 200, new DurationConverter())
                .build();
        return config.getConfigMapping(EgressConfig.class);
    }
}
