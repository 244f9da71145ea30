package io.hookgate.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutboxPolicyTest {

    static Stream<Arguments> delays() {
        return Stream.of(arguments(1, 1), arguments(2, 2), arguments(3, 4), arguments(6, 32), arguments(7, 60),
                arguments(50, 60));
    }

    @ParameterizedTest(name = "after failure {0}: {1} s")
    @MethodSource("delays")
    void delaysDoubleFromOneSecondUpToOneMinute(int failedAttempts, long seconds) {
        assertThat(OutboxPolicy.delay(failedAttempts)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void aRowIsParkedWhenItsRecordWasRefusedMaxAttemptsTimes() {
        OutboxResult.Failed refused = new OutboxResult.Failed(1, "RecordTooLargeException", true);

        assertThat(OutboxPolicy.afterFailure(row(10, 3), refused, 5).park()).isFalse();
        assertThat(OutboxPolicy.afterFailure(row(10, 4), refused, 5).park()).isTrue();
        assertThat(OutboxPolicy.afterFailure(row(10, 4), refused, 5).recordProblem()).isTrue();
    }

    @Test
    void outagesNeverParkARowHoweverLongTheyLast() {
        OutboxResult.Failed outage = new OutboxResult.Failed(1, "TimeoutException", false);

        OutboxRepository.Failure failure = OutboxPolicy.afterFailure(row(10_000, 0), outage, 1);
        assertThat(failure.park()).isFalse();
        assertThat(failure.delay()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theStoredErrorIsTruncated() {
        OutboxResult.Failed failed = new OutboxResult.Failed(1, "x".repeat(5_000), false);

        assertThat(OutboxPolicy.afterFailure(row(0, 0), failed, 5).error()).hasSize(OutboxPolicy.MAX_ERROR_CHARS);
    }

    static Stream<Arguments> sendErrors() {
        return Stream.of(
                arguments(new RecordTooLargeException("too large"), true),
                arguments(new RuntimeException(new RecordTooLargeException("nested")), true),
                arguments(new TimeoutException("metadata"), false),
                arguments(new UnknownTopicOrPartitionException("missing topic"), false),
                arguments(new TopicAuthorizationException("no ACL"), false));
    }

    @ParameterizedTest(name = "{0}: record problem {1}")
    @MethodSource("sendErrors")
    void onlyRecordsTheBrokerRefusesForThemselvesAreRecordProblems(Throwable error, boolean recordProblem) {
        assertThat(KafkaSendErrors.recordProblem(error)).isEqualTo(recordProblem);
    }

    private static OutboxRow row(int attempts, int recordFailures) {
        return new OutboxRow(1, OutboxRow.DEAD_LETTER, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
                null, Instant.now(), attempts, recordFailures);
    }
}
