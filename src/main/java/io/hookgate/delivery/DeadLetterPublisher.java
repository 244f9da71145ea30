package io.hookgate.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookgate.ops.KafkaSendErrors;
import io.hookgate.ops.OutboxRelay;
import io.hookgate.ops.OutboxResult;
import io.hookgate.ops.OutboxRow;
import io.hookgate.ops.OutboxSender;
import io.hookgate.subscription.SubscriptionFormat;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes failed deliveries to webhook.deliveries.dlq. The database writes a dead letter's outbox row in the
 * transaction that fails the delivery (V4__outbox.sql); {@link OutboxRelay} hands the rows here, and each one is
 * done when its own record is acknowledged. A record over the topic's limit goes out once more as a marker:
 * {@code payload} null and {@code payload_omitted_bytes} its size.
 */
@ApplicationScoped
public class DeadLetterPublisher implements OutboxSender {

    private static final String SELECT = """
            SELECT d.id, d.event_id, d.subscription_id, d.tenant_id, d.event_type, d.attempts, d.last_status_code,
                   d.last_error, d.first_attempt_at, d.last_attempt_at, s.format, e.occurred_at_text, e.payload
              FROM deliveries d
              JOIN subscriptions s ON s.id = d.subscription_id
              JOIN events e ON e.id = d.event_id
             WHERE d.status = 'failed' AND d.id = ANY($1)""";

    private final Pool pool;
    private final MutinyEmitter<byte[]> emitter;
    private final Bodies bodies;
    private final ObjectMapper mapper;
    private final OutboxRelay relay;

    public DeadLetterPublisher(Pool pool, @Channel("deliveries-dlq") MutinyEmitter<byte[]> emitter,
            Bodies bodies, ObjectMapper mapper, OutboxRelay relay) {
        this.pool = pool;
        this.emitter = emitter;
        this.bodies = bodies;
        this.mapper = mapper;
        this.relay = relay;
    }

    /** These deliveries were just failed: their outbox rows are committed, publish them now. */
    public void publish(List<UUID> deliveryIds) {
        if (!deliveryIds.isEmpty()) {
            relay.wake();
        }
    }

    @Override
    public String kind() {
        return OutboxRow.DEAD_LETTER;
    }

    @Override
    public Uni<List<OutboxResult>> send(List<OutboxRow> rows) {
        UUID[] ids = rows.stream().map(OutboxRow::deliveryId).distinct().toArray(UUID[]::new);
        return pool.preparedQuery(SELECT).execute(Tuple.of(ids)).chain(found -> {
            Map<UUID, Row> byDelivery = new HashMap<>();
            found.forEach(r -> byDelivery.put(r.getUUID("id"), r));
            List<Uni<OutboxResult>> sends = new ArrayList<>();
            for (OutboxRow row : rows) {
                Row delivery = byDelivery.get(row.deliveryId());
                // deleted with its subscription, or redelivered since: nothing failed is left to report
                sends.add(delivery == null ? Uni.createFrom().item(new OutboxResult.Gone(row.id())) : send(row, delivery));
            }
            return Uni.join().all(sends).andFailFast();
        });
    }

    private Uni<OutboxResult> send(OutboxRow row, Row delivery) {
        return sendRecord(delivery, false)
                .onFailure(KafkaSendErrors::tooLarge).recoverWithUni(e -> sendRecord(delivery, true))
                .<OutboxResult>replaceWith(new OutboxResult.Sent(row.id()))
                .onFailure().recoverWithItem(e -> new OutboxResult.Failed(row.id(), e.toString(),
                        KafkaSendErrors.recordProblem(e) || e instanceof UnrenderableException));
    }

    private Uni<Void> sendRecord(Row delivery, boolean omitPayload) {
        return Uni.createFrom().deferred(() -> {
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(delivery.getUUID("subscription_id").toString()).build();
            return emitter.sendMessage(Message.of(record(delivery, omitPayload)).addMetadata(metadata));
        });
    }

    private byte[] record(Row row, boolean omitPayload) {
        byte[] body;
        try {
            body = bodies.render(SubscriptionFormat.of(row.getString("format")).orElseThrow(), row.getString("event_type"),
                    row.getString("occurred_at_text"), row.getString("payload"));
        } catch (RuntimeException e) {
            throw new UnrenderableException(e);
        }
        ObjectNode json = mapper.createObjectNode()
                .put("delivery_id", row.getUUID("id").toString())
                .put("event_id", row.getString("event_id"))
                .put("subscription_id", row.getUUID("subscription_id").toString())
                .put("tenant_id", row.getUUID("tenant_id").toString())
                .put("event_type", row.getString("event_type"))
                .put("attempts", row.getInteger("attempts"))
                .put("last_status_code", row.getInteger("last_status_code"))
                .put("last_error", row.getString("last_error"))
                .put("first_attempt_at", text(row.getOffsetDateTime("first_attempt_at")))
                .put("last_attempt_at", text(row.getOffsetDateTime("last_attempt_at")));
        if (omitPayload) {
            json.putNull("payload").put("payload_omitted_bytes", body.length);
        } else {
            // the exact bytes that were sent, as a string so no re-serialisation can alter them
            json.put("payload", new String(body, StandardCharsets.UTF_8));
        }
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new UnrenderableException(e);
        }
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toInstant().toString();
    }

    /** The stored delivery cannot be turned into a record: waiting will not change that. */
    private static final class UnrenderableException extends RuntimeException {
        UnrenderableException(Throwable cause) {
            super("dead letter not renderable: " + cause.getClass().getSimpleName(), cause, false, false);
        }
    }
}
