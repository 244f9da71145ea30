package io.hookgate.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Operational events on hookgate.operations (SPEC section 7), keyed by subscription id, published at least once
 * through the outbox. The four types of SPEC section 7 are written to the outbox by the database itself, in the
 * transaction of the change they report (V4__outbox.sql), so a broker outage or a crash only delays them.
 */
@ApplicationScoped
public class OperationsPublisher implements OutboxSender {

    /** Types the database records at their state change; {@link #fire} only wakes the relay for them. */
    static final Set<String> RECORDED_BY_DATABASE = Set.of("subscription.verified", "subscription.disabled",
            "delivery.exhausted", "delivery.recovered");

    private final MutinyEmitter<byte[]> emitter;
    private final ObjectMapper mapper;
    private final OutboxRepository outbox;
    private final OutboxRelay relay;

    public OperationsPublisher(@Channel("operations") MutinyEmitter<byte[]> emitter, ObjectMapper mapper,
            OutboxRepository outbox, OutboxRelay relay) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.outbox = outbox;
        this.relay = relay;
    }

    /**
     * Announces an operational event and never fails the caller. For the types the database records at the state
     * change this only hurries the relay; any other type is written to the outbox first.
     */
    public void fire(String type, UUID subscriptionId, UUID tenantId, String detail) {
        if (RECORDED_BY_DATABASE.contains(type)) {
            relay.wake();
            return;
        }
        outbox.insertOperation(type, subscriptionId, tenantId, detail).subscribe().with(ignored -> relay.wake(),
                e -> Log.warnf("operational event %s for %s not recorded: %s", type, subscriptionId, e.toString()));
    }

    @Override
    public String kind() {
        return OutboxRow.OPERATION;
    }

    @Override
    public Uni<List<OutboxResult>> send(List<OutboxRow> rows) {
        List<Uni<OutboxResult>> sends = new ArrayList<>();
        rows.forEach(row -> sends.add(send(row)));
        return Uni.join().all(sends).andFailFast();
    }

    private Uni<OutboxResult> send(OutboxRow row) {
        byte[] value;
        try {
            value = record(row);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(new OutboxResult.Failed(row.id(), "not serialisable: " + e.getMessage(), true));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(row.subscriptionId().toString()).build();
        return emitter.sendMessage(Message.of(value).addMetadata(metadata))
                .<OutboxResult>replaceWith(new OutboxResult.Sent(row.id()))
                .onFailure().recoverWithItem(e -> new OutboxResult.Failed(row.id(), e.toString(),
                        KafkaSendErrors.recordProblem(e)));
    }

    /** {@code {type, subscription_id, tenant_id, at, detail}}; {@code at} is when the change was recorded. */
    private byte[] record(OutboxRow row) throws JsonProcessingException {
        ObjectNode event = mapper.createObjectNode()
                .put("type", row.operation())
                .put("subscription_id", row.subscriptionId().toString())
                .put("tenant_id", row.tenantId().toString())
                .put("at", row.createdAt().toString())
                .put("detail", row.detail());
        return mapper.writeValueAsBytes(event);
    }
}
