package io.hookgate.intake;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Thin Kafka edge: hands each batch to the fan-out and acknowledges it only once it is durable. Built at startup,
 * so a bad stall threshold stops the start rather than the channel at its first batch.
 */
@ApplicationScoped
@Startup
public class ChatEventConsumer {

    private final FanOut fanOut;
    private final BatchPipeline pipeline;

    public ChatEventConsumer(FanOut fanOut, IntakeConfig config) {
        if (config.stallThreshold().isNegative()) {
            throw new IllegalArgumentException("hookgate.intake.stall-threshold must not be negative");
        }
        this.fanOut = fanOut;
        this.pipeline = new BatchPipeline(config.batchesInFlight());
    }

    @Incoming("chat-events")
    public Uni<Void> consume(KafkaRecordBatch<byte[], byte[]> batch) {
        return pipeline.admit(fanOut.process(batch.getRecords())
                .call(() -> Uni.createFrom().completionStage(batch.ack()))
                // a batch nobody waits on yet must still stop the channel when it fails
                .onFailure().call(failure -> Uni.createFrom().completionStage(batch.nack(failure))));
    }
}
