package io.hookgate.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchPipelineTest {

    private final List<CompletableFuture<Void>> batches = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();

    /** A batch whose work starts when subscribed and ends when the test completes its future. */
    private Uni<Void> batch() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        batches.add(done);
        return Uni.createFrom().completionStage(() -> {
            started.incrementAndGet();
            return done;
        });
    }

    private static boolean finished(Uni<Void> uni) {
        AtomicBoolean finished = new AtomicBoolean();
        uni.subscribe().with(v -> finished.set(true), f -> finished.set(true));
        return finished.get();
    }

    @Test
    void startsTheSecondBatchWhileTheFirstIsStillBeingStored() {
        BatchPipeline pipeline = new BatchPipeline(2);

        Uni<Void> first = pipeline.admit(batch());
        Uni<Void> second = pipeline.admit(batch());

        assertThat(started).hasValue(2);
        assertThat(finished(first)).as("room for a second batch").isTrue();
        assertThat(finished(second)).as("two in flight: wait for the oldest").isFalse();
    }

    @Test
    void neverRunsMoreBatchesThanTheDepth() {
        BatchPipeline pipeline = new BatchPipeline(2);
        pipeline.admit(batch());
        Uni<Void> waitForFirst = pipeline.admit(batch());

        batches.get(0).complete(null);
        assertThat(finished(waitForFirst)).isTrue();
        Uni<Void> waitForSecond = pipeline.admit(batch());

        assertThat(started).hasValue(3);
        assertThat(finished(waitForSecond)).as("second and third still in flight").isFalse();
        batches.get(1).complete(null);
        assertThat(finished(waitForSecond)).isTrue();
    }

    @Test
    void aFailedBatchFailsTheRuntimesWaitSoTheChannelStops() {
        BatchPipeline pipeline = new BatchPipeline(2);
        pipeline.admit(batch());
        Uni<Void> waitForFirst = pipeline.admit(batch());

        batches.get(0).completeExceptionally(new IllegalStateException("store broke"));

        assertThatThrownBy(() -> waitForFirst.await().indefinitely()).hasMessageContaining("store broke");
    }

    @Test
    void depthOneProcessesStrictlyOneBatchAtATime() {
        BatchPipeline pipeline = new BatchPipeline(1);

        Uni<Void> first = pipeline.admit(batch());

        assertThat(finished(first)).isFalse();
        batches.get(0).complete(null);
        assertThat(finished(first)).isTrue();
    }

    @Test
    void aBatchIsStartedOnceEvenWhenTheRuntimeAlsoSubscribes() {
        BatchPipeline pipeline = new BatchPipeline(1);

        Uni<Void> first = pipeline.admit(batch());
        first.subscribe().with(v -> { });
        first.subscribe().with(v -> { });

        assertThat(started).hasValue(1);
    }

    @Test
    void refusesADepthBelowOne() {
        assertThatThrownBy(() -> new BatchPipeline(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
