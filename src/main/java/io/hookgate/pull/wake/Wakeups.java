package io.hookgate.pull.wake;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Wakes long-polls and streams of pull subscriptions when messages may have been stored for them. A waiter holds
 * no thread and no database connection: it is a pending {@link Uni} and, at most, one timer.
 */
public interface Wakeups {

    /**
     * Completes (with {@code null}) when messages may have been stored for the subscription since this call, or
     * when {@code max} has elapsed, whichever comes first; a spurious early completion is allowed (the caller
     * re-reads and waits again). Cancelling it forgets the waiter. Its only failure is
     * {@link TooManyWaitersException} (a 503 problem) when this replica already holds as many waiters as it may.
     */
    default Uni<Void> next(UUID subscriptionId, Duration max) {
        return Uni.createFrom().emitter(emitter -> emitter.onTermination(await(subscriptionId, max, failure -> {
            if (failure == null) {
                emitter.complete(null);
            } else {
                emitter.fail(failure);
            }
        })));
    }

    /**
     * {@link #next} as a callback, for the long-poll path: {@code done} gets {@code null} when woken or after
     * {@code max}, or the {@link TooManyWaitersException}, exactly once unless the returned handle (which forgets
     * the waiter) runs first. A held call keeps one small object here instead of a Mutiny chain whose every callback
     * carries a captured context (docs/BENCHMARKS.md, "Memory per held long-poll").
     */
    Runnable await(UUID subscriptionId, Duration max, Consumer<Throwable> done);

    /** Tells the waiters of these subscriptions that messages were stored for them (after the store committed). */
    void stored(Collection<UUID> subscriptionIds);

    /** Where reads found nothing since the last signal for their subscription: a re-poll there need not read. */
    EmptyReads emptyReads();

    /** Whether a new waiter would be taken now; a caller may answer 503 up front (e.g. before opening a stream). */
    default boolean admits() {
        return true;
    }
}
