package io.hookgate.intake;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Thin Kafka edge: hands each batch to the fan-out and acknowledges only once it is durable. */
@ApplicationScoped
public class ChatEventConsumer {

    private final FanOut fanOut;

    public ChatEventConsumer(FanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Incoming("chat-events")
    public Uni<Void> consume(KafkaRecordBatch<byte[], byte[]> batch) {
        return fanOut.process(batch.getRecords())
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }
}
