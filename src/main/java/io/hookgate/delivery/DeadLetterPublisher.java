package io.hookgate.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes failed deliveries to webhook.deliveries.dlq through an outbox: a row stays unpublished
 * until the broker acknowledged it, and a sweeper retries leftovers, so a crash loses no dead letter.
 * The sweeper leaves rows of the last two minutes to the inline publish, which may still be awaiting its ack.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final long SWEEP_MS = 30_000;
    private static final String SELECT = """
            SELECT d.id, d.event_id, d.subscription_id, d.tenant_id, d.event_type, d.attempts, d.last_status_code,
                   d.last_error, d.first_attempt_at, d.last_attempt_at, s.format, e.occurred_at_text, e.payload
              FROM deliveries d
              JOIN subscriptions s ON s.id = d.subscription_id
              JOIN events e ON e.id = d.event_id
             WHERE d.status = 'failed' AND d.dlq_published_at IS NULL AND d.id = ANY($1)""";
    private static final String SWEEP = """
            SELECT id FROM deliveries WHERE status = 'failed' AND dlq_published_at IS NULL
               AND last_attempt_at < now() - interval '2 minutes'
             ORDER BY last_attempt_at LIMIT 200""";
    private static final String MARK = "UPDATE deliveries SET dlq_published_at = now() WHERE id = ANY($1)";

    private final Pool pool;
    private final MutinyEmitter<byte[]> emitter;
    private final Bodies bodies;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    public DeadLetterPublisher(Pool pool, @Channel("deliveries-dlq") MutinyEmitter<byte[]> emitter,
            Bodies bodies, ObjectMapper mapper, Vertx vertx) {
        this.pool = pool;
        this.emitter = emitter;
        this.bodies = bodies;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    void startSweeper(@Observes StartupEvent start) {
        vertx.setPeriodic(1_000, SWEEP_MS, id -> sweep());
    }

    void publish(List<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return;
        }
        publishNow(deliveryIds).subscribe().with(n -> { },
                e -> Log.warnf("dead letters not yet published, the sweeper will retry: %s", e.toString()));
    }

    private void sweep() {
        pool.query(SWEEP).execute()
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("id")));
                    return ids;
                })
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(0) : publishNow(ids))
                .subscribe().with(n -> { }, e -> Log.debugf("dead-letter sweep failed: %s", e.toString()));
    }

    Uni<Integer> publishNow(List<UUID> ids) {
        return pool.preparedQuery(SELECT).execute(Tuple.of(ids.toArray(UUID[]::new)))
                .chain(rows -> {
                    List<Uni<UUID>> sends = new ArrayList<>();
                    rows.forEach(row -> sends.add(send(row)));
                    if (sends.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.join().all(sends).andFailFast()
                            .chain(sent -> pool.preparedQuery(MARK).execute(Tuple.of(sent.toArray(UUID[]::new)))
                                    .map(r -> sent.size()));
                });
    }

    private Uni<UUID> send(Row row) {
        UUID id = row.getUUID("id");
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(row.getUUID("subscription_id").toString()).build();
        return emitter.sendMessage(Message.of(record(row)).addMetadata(metadata)).replaceWith(id);
    }

    private byte[] record(Row row) {
        byte[] body = bodies.render(row.getString("format"), row.getString("event_type"),
                row.getString("occurred_at_text"), row.getString("payload"));
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
                .put("last_attempt_at", text(row.getOffsetDateTime("last_attempt_at")))
                // the exact bytes that were sent, as a string so no re-serialisation can alter them
                .put("payload", new String(body, StandardCharsets.UTF_8));
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter not serialisable", e);
        }
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toInstant().toString();
    }
}
