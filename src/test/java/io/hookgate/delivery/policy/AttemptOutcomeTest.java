package io.hookgate.delivery.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.delivery.policy.AttemptOutcome.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AttemptOutcomeTest {

    @ParameterizedTest(name = "{0} is {1}, overload={2}")
    @CsvSource({
        "200, DELIVERED, false", "201, DELIVERED, false", "204, DELIVERED, false", "299, DELIVERED, false",
        "410, GONE, false",
        "100, RETRYABLE, false",
        "301, RETRYABLE, false", "302, RETRYABLE, false", "304, RETRYABLE, false", "307, RETRYABLE, false",
        "308, RETRYABLE, false",
        "400, RETRYABLE, false", "401, RETRYABLE, false", "404, RETRYABLE, false", "409, RETRYABLE, false",
        "429, RETRYABLE, true",
        "500, RETRYABLE, false", "502, RETRYABLE, false", "503, RETRYABLE, true", "504, RETRYABLE, false",
    })
    void statusCodesAreClassifiedPerSpec(int status, OutcomeClass expected, boolean overload) {
        AttemptOutcome outcome = AttemptOutcome.status(status);
        assertThat(outcome.classify()).isEqualTo(expected);
        assertThat(outcome.isOverload()).isEqualTo(overload);
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void transportErrorsAreRetryable(ErrorKind kind) {
        assertThat(AttemptOutcome.error(kind).classify()).isEqualTo(OutcomeClass.RETRYABLE);
    }

    @Test
    void timeoutAndDnsFailureAreTheTransportErrorsThatCountAsOverload() {
        assertThat(AttemptOutcome.error(ErrorKind.TIMEOUT).isOverload()).isTrue();
        assertThat(AttemptOutcome.error(ErrorKind.DNS_FAILURE).isOverload()).isTrue();
        assertThat(AttemptOutcome.error(ErrorKind.CONNECT_ERROR).isOverload()).isFalse();
        assertThat(AttemptOutcome.error(ErrorKind.TLS_ERROR).isOverload()).isFalse();
        assertThat(AttemptOutcome.error(ErrorKind.EGRESS_DENIED).isOverload()).isFalse();
    }

    @Test
    void errorCodesAreTheLowerCaseNamesStoredInTheAttemptLog() {
        assertThat(ErrorKind.EGRESS_DENIED.code()).isEqualTo("egress_denied");
        assertThat(ErrorKind.TIMEOUT.code()).isEqualTo("timeout");
    }

    @ParameterizedTest
    @CsvSource({"200, false, ", "204, false, ", "301, false, status_301", "400, false, status_400",
        "404, false, status_404", "408, true, status_408", "410, false, status_410", "429, true, status_429",
        "500, true, status_500", "503, true, status_503"})
    void statusAnswersCountAgainstTheBreakerOnlyWhenTheEndpointFailed(int status, boolean endpointFailure,
            String errorCode) {
        AttemptOutcome outcome = AttemptOutcome.status(status);
        assertThat(outcome.endpointFailure()).isEqualTo(endpointFailure);
        assertThat(outcome.statusCode()).isEqualTo(status);
        assertThat(outcome.errorCode()).isEqualTo(errorCode);
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void transportErrorsCountAgainstTheBreakerExceptEgressDenialsAndOurOwnErrors(ErrorKind kind) {
        AttemptOutcome outcome = AttemptOutcome.error(kind);
        assertThat(outcome.endpointFailure())
                .isEqualTo(kind != ErrorKind.EGRESS_DENIED && kind != ErrorKind.INTERNAL_ERROR);
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.errorCode()).isEqualTo(kind.code());
    }
}
