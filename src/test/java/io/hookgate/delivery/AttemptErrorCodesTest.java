package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.delivery.policy.AttemptOutcome;
import io.hookgate.egress.EgressCallException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AttemptErrorCodesTest {

    @ParameterizedTest
    @EnumSource(EgressCallException.Reason.class)
    void everyEgressFailureIsLoggedWithTheSameCodeAsBeforeTheSealedOutcome(EgressCallException.Reason reason) {
        assertThat(DeliverySender.kind(reason).code()).isEqualTo(reason.code());
    }

    @Test
    void aTransportFailureStoresNoStatusAndItsCode() {
        AttemptResult r = AttemptResult.failure(Instant.EPOCH, Duration.ZERO, AttemptOutcome.ErrorKind.TLS_ERROR,
                new byte[0]);
        assertThat(r.statusCode()).isNull();
        assertThat(r.errorCode()).isEqualTo("tls_error");
        assertThat(r.delivered()).isFalse();
    }
}
