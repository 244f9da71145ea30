package io.hookgate.intake;

import io.hookgate.ops.TopicsConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends records that can never be processed to chat.events.dlq, unchanged, with the reason in headers. */
@ApplicationScoped
public class PoisonPublisher {

    static final int MAX_DETAIL = 512;

    private final MutinyEmitter<byte[]> emitter;
    private final TopicsConfig topics;

    public PoisonPublisher(@Channel("events-dlq") MutinyEmitter<byte[]> emitter, TopicsConfig topics) {
        this.emitter = emitter;
        this.topics = topics;
    }

    /** A record that failed validation, and why. */
    public record Poison(KafkaRecord<byte[], byte[]> record, String reason, String detail) {
    }

    /** Completes once the broker has acknowledged every dead-lettered record. */
    public Uni<Void> publish(List<Poison> poison) {
        if (poison.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = poison.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(Poison p) {
        KafkaRecord<byte[], byte[]> r = p.record();
        RecordHeaders headers = new RecordHeaders();
        headers.add("hookgate-error", utf8(p.reason()));
        headers.add("hookgate-error-detail", utf8(truncate(p.detail())));
        headers.add("hookgate-source-topic", utf8(r.getTopic()));
        headers.add("hookgate-source-partition", utf8(Integer.toString(r.getPartition())));
        headers.add("hookgate-source-offset", utf8(offset(r)));
        OutgoingKafkaRecordMetadata<byte[]> metadata = OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withTopic(topics.eventsDlq()).withKey(r.getKey()).withHeaders(headers).build();
        byte[] value = r.getPayload() == null ? new byte[0] : r.getPayload();
        return emitter.sendMessage(Message.of(value).addMetadata(metadata));
    }

    private static String offset(KafkaRecord<byte[], byte[]> r) {
        return r.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> Long.toString(m.getOffset())).orElse("");
    }

    static String truncate(String detail) {
        if (detail == null) {
            return "";
        }
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
