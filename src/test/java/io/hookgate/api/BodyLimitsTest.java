package io.hookgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BodyLimitsTest {

    @Test
    void onlyEventIntakeGetsTheLargeLimit() {
        assertThat(BodyLimits.limitFor("POST", "/v1/events")).isEqualTo(1024 * 1024);
        assertThat(BodyLimits.limitFor("POST", "/v1/events/")).isEqualTo(1024 * 1024);
        assertThat(BodyLimits.limitFor("PATCH", "/v1/events")).isEqualTo(64 * 1024);
        assertThat(BodyLimits.limitFor("POST", "/v1/tenants")).isEqualTo(64 * 1024);
        assertThat(BodyLimits.limitFor("POST", "/v1/subscriptions")).isEqualTo(64 * 1024);
    }

    @Test
    void boundedStreamReadsUpToTheLimit() throws Exception {
        try (InputStream in = new BoundedBodyInterceptor.Bounded(new ByteArrayInputStream(new byte[100]), 100)) {
            assertThat(in.readAllBytes()).hasSize(100);
        }
    }

    @Test
    void boundedStreamFailsWithA413ProblemPastTheLimit() {
        InputStream in = new BoundedBodyInterceptor.Bounded(new ByteArrayInputStream(new byte[64 * 1024 + 1]), 64 * 1024);
        assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(413);
            assertThat(e.getMessage()).isEqualTo("request body is larger than 64 KiB");
        });
    }
}
