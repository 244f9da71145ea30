package io.hookgate.intake;

import io.hookgate.ops.KafkaSendErrors;
import io.hookgate.ops.TopicsConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends records that can never be processed to chat.events.dlq, unchanged, with the reason in headers. A send is
 * retried in-process until the broker takes it (a missing topic or ACL, a broker outage), like a database outage:
 * the batch's offsets wait meanwhile and the consumer never stops. A record over the DLQ's size limit goes with
 * its value omitted and its size in {@code hookgate-value-omitted}.
 */
@ApplicationScoped
public class PoisonPublisher {

    static final int MAX_DETAIL = 512;
    /** Header of a dead letter whose value was too large for chat.events.dlq: the original value's size in bytes. */
    static final String VALUE_OMITTED = "hookgate-value-omitted";

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    private final MutinyEmitter<byte[]> emitter;
    private final TopicsConfig topics;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private final Patience untilTaken;

    public PoisonPublisher(@Channel("events-dlq") MutinyEmitter<byte[]> emitter, TopicsConfig topics) {
        this.emitter = emitter;
        this.topics = topics;
        this.untilTaken = Patience.untilItWorks("chat.events.dlq publish", FIRST_BACKOFF, MAX_BACKOFF, this::warn);
    }

    /** A record that failed validation, and why. */
    public record Poison(KafkaRecord<byte[], byte[]> record, String reason, String detail) {
    }

    /** Completes once the broker has acknowledged every dead-lettered record; it never fails. */
    public Uni<Void> publish(List<Poison> poison) {
        if (poison.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = poison.stream().map(this::sendPatiently).toList();
        return Uni.join().all(sends).andCollectFailures().replaceWithVoid();
    }

    private Uni<Void> sendPatiently(Poison p) {
        AtomicBoolean omitValue = new AtomicBoolean();
        // a record too large for the topic is sent again without its value; anything else is waited out
        return untilTaken.run(() -> Uni.createFrom().deferred(() -> send(p, omitValue.get()))
                .onFailure(KafkaSendErrors::tooLarge).invoke(() -> omitValue.set(true)));
    }

    private Uni<Void> send(Poison p, boolean omitValue) {
        KafkaRecord<byte[], byte[]> r = p.record();
        byte[] value = r.getPayload() == null ? new byte[0] : r.getPayload();
        RecordHeaders headers = new RecordHeaders();
        headers.add("hookgate-error", utf8(p.reason()));
        headers.add("hookgate-error-detail", utf8(truncate(p.detail())));
        headers.add("hookgate-source-topic", utf8(r.getTopic()));
        headers.add("hookgate-source-partition", utf8(Integer.toString(r.getPartition())));
        headers.add("hookgate-source-offset", utf8(offset(r)));
        if (omitValue) {
            headers.add(VALUE_OMITTED, utf8(Integer.toString(value.length)));
        }
        OutgoingKafkaRecordMetadata<byte[]> metadata = OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withTopic(topics.eventsDlq()).withKey(r.getKey()).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(omitValue ? new byte[0] : value).addMetadata(metadata));
    }

    // one line per 30 s, not one per record and retry: a missing topic fails every record of the batch
    private void warn(Throwable e) {
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            Log.warnf("intake is waiting for %s (its offsets are not committed meanwhile): %s", topics.eventsDlq(),
                    e.toString());
        }
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
