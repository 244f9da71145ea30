package io.hookgate.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Operational events on hookgate.operations (SPEC section 7), keyed by subscription id. */
@ApplicationScoped
public class OperationsPublisher {

    private final MutinyEmitter<byte[]> emitter;
    private final ObjectMapper mapper;
    private final Clock clock;

    public OperationsPublisher(@Channel("operations") MutinyEmitter<byte[]> emitter, ObjectMapper mapper,
            Clock clock) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Publishes one event; a broker failure is logged, it never fails the caller. */
    public Uni<Void> publish(String type, UUID subscriptionId, UUID tenantId, String detail) {
        ObjectNode event = mapper.createObjectNode()
                .put("type", type)
                .put("subscription_id", subscriptionId.toString())
                .put("tenant_id", tenantId.toString())
                .put("at", clock.instant().toString())
                .put("detail", detail);
        byte[] value;
        try {
            value = mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().voidItem();
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(subscriptionId.toString()).build();
        return emitter.sendMessage(Message.of(value).addMetadata(metadata))
                .onFailure().invoke(e -> Log.warnf("operational event %s for %s not published: %s", type,
                        subscriptionId, e.toString()))
                .onFailure().recoverWithNull();
    }

    public void fire(String type, UUID subscriptionId, UUID tenantId, String detail) {
        publish(type, subscriptionId, tenantId, detail).subscribe().with(ignored -> { }, e -> { });
    }
}
