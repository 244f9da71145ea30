package io.hookgate.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StoreErrorsTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("22008 datetime field overflow", pg("22008"), StoreErrors.Kind.REJECTED),
                arguments("22P02 invalid text representation", pg("22P02"), StoreErrors.Kind.REJECTED),
                arguments("22021 invalid byte sequence", pg("22021"), StoreErrors.Kind.REJECTED),
                arguments("23505 unique violation", pg("23505"), StoreErrors.Kind.REJECTED),
                arguments("23514 check violation", pg("23514"), StoreErrors.Kind.REJECTED),
                arguments("23503 foreign key: a concurrent delete, matching again heals it", pg("23503"),
                        StoreErrors.Kind.TRANSIENT),
                arguments("40001 serialization failure", pg("40001"), StoreErrors.Kind.TRANSIENT),
                arguments("40P01 deadlock", pg("40P01"), StoreErrors.Kind.TRANSIENT),
                arguments("53100 disk full", pg("53100"), StoreErrors.Kind.TRANSIENT),
                arguments("53300 too many connections", pg("53300"), StoreErrors.Kind.TRANSIENT),
                arguments("57P01 admin shutdown", pg("57P01"), StoreErrors.Kind.TRANSIENT),
                arguments("57014 statement timeout", pg("57014"), StoreErrors.Kind.TRANSIENT),
                arguments("08006 connection failure", pg("08006"), StoreErrors.Kind.TRANSIENT),
                arguments("42501 insufficient privilege", pg("42501"), StoreErrors.Kind.TRANSIENT),
                arguments("closed connection", new VertxException("Connection is not active now", true),
                        StoreErrors.Kind.TRANSIENT),
                arguments("socket error", new IOException("reset"), StoreErrors.Kind.TRANSIENT),
                arguments("value the client cannot encode", new ArithmeticException("long overflow"),
                        StoreErrors.Kind.REJECTED),
                arguments("date the client cannot encode", new DateTimeException("out of range"),
                        StoreErrors.Kind.REJECTED),
                arguments("data error wrapped", new CompletionException(pg("22008")), StoreErrors.Kind.REJECTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void dataAndIntegrityErrorsAreRejectedAndEverythingElseIsWaitedOut(String name, Throwable failure,
            StoreErrors.Kind kind) {
        assertThat(StoreErrors.classify(failure)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void theDetailNamesTheSqlStateAndNeverAStackTrace(String name, Throwable failure, StoreErrors.Kind kind) {
        assertThat(StoreErrors.detail(failure)).doesNotContain("\tat ", "Exception:").hasSizeLessThan(512);
    }

    private static PgException pg(String sqlState) {
        return new PgException("message for " + sqlState, "ERROR", sqlState, null);
    }
}
