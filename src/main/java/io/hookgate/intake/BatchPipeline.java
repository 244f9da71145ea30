package io.hookgate.intake;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Lets the intake start the next Kafka batch while earlier ones are still being stored, with at most
 * {@code depth} batches in flight. Each batch acknowledges itself; the throttled commit strategy commits
 * an offset only once every record before it is acknowledged, so out-of-order completion loses nothing.
 * The messaging runtime calls {@link #admit} for one batch at a time, but not always on the same thread.
 */
final class BatchPipeline {

    private final int depth;
    private final Queue<Uni<Void>> inFlight = new ArrayDeque<>();

    BatchPipeline(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1");
        }
        this.depth = depth;
    }

    /**
     * Starts {@code work} now and returns when the runtime may hand over the next batch: at once while
     * fewer than {@code depth} batches run, otherwise when the oldest one has finished.
     */
    synchronized Uni<Void> admit(Uni<Void> work) {
        Uni<Void> started = work.memoize().indefinitely();
        // the failure also reaches the runtime through the Uni returned for a later batch, or through its nack
        started.subscribe().with(ignored -> { }, failure -> Log.debugf("intake batch failed: %s", failure));
        inFlight.add(started);
        if (inFlight.size() < depth) {
            return Uni.createFrom().voidItem();
        }
        return inFlight.remove();
    }
}
