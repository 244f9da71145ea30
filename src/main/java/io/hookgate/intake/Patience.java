package io.hookgate.intake;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A SmallRye Fault Tolerance retry guard for intake's own infrastructure calls (PostgreSQL, the broker): an outage
 * is waited out with exponential backoff and no attempt or time limit, because giving up would dead-letter valid
 * events or stop the consumer. Only the failure type named as final ends the retries at once.
 */
final class Patience {

    private final Guard guard;

    private Patience(Guard guard) {
        this.guard = guard;
    }

    /**
     * Retries forever, {@code first} doubling up to {@code max}, with up to half of {@code first} of jitter.
     *
     * @param finalFailure a failure retrying cannot heal (e.g. the data of a record): passed on at once
     * @param beforeRetry told of each failure that will be retried
     */
    static Patience untilItWorks(String what, Duration first, Duration max, Class<? extends Throwable> finalFailure,
            Consumer<Throwable> beforeRetry) {
        return new Patience(retry(what, first, beforeRetry).abortOn(finalFailure)
                .withExponentialBackoff().factor(2).maxDelay(max.toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .build());
    }

    /** Retries every exception forever, as {@link #untilItWorks(String, Duration, Duration, Class, Consumer)}. */
    static Patience untilItWorks(String what, Duration first, Duration max, Consumer<Throwable> beforeRetry) {
        return new Patience(retry(what, first, beforeRetry)
                .withExponentialBackoff().factor(2).maxDelay(max.toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .build());
    }

    private static Guard.Builder.RetryBuilder retry(String what, Duration first, Consumer<Throwable> beforeRetry) {
        return Guard.create().withDescription(what)
                .withRetry()
                .maxRetries(-1)
                .maxDuration(0, ChronoUnit.MILLIS)
                .delay(first.toMillis(), ChronoUnit.MILLIS)
                .jitter(first.toMillis() / 2, ChronoUnit.MILLIS)
                .beforeRetry(beforeRetry);
    }

    /** Runs {@code step} under the guard; each retry calls {@code step} again for a fresh attempt. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <T> Uni<T> run(Supplier<Uni<T>> step) {
        return Uni.createFrom().deferred(() -> (Uni<T>) guard.get((Supplier) step, Uni.class));
    }
}
