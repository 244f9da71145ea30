package io.hookgate.inbound.ingest;

import io.hookgate.inbound.InboundConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Produces verified inbound requests: {@code inbound.events}, {@code chat.notifications} and (eventyay)
 * {@code chat.events}. Each returned Uni completes only once the broker acknowledged every record, and fails
 * when it has not within {@code hookgate.inbound.broker-timeout}.
 */
@ApplicationScoped
public class InboundProducer {

    private final MutinyEmitter<byte[]> inbound;
    private final MutinyEmitter<byte[]> notifications;
    private final MutinyEmitter<byte[]> chat;
    private final Duration timeout;

    public InboundProducer(@Channel("inbound-events-out") MutinyEmitter<byte[]> inbound,
            @Channel("notifications-out") MutinyEmitter<byte[]> notifications,
            @Channel("inbound-chat-out") MutinyEmitter<byte[]> chat, InboundConfig config) {
        this.inbound = inbound;
        this.notifications = notifications;
        this.chat = chat;
        this.timeout = config.brokerTimeout();
    }

    /** One record: its key and value. */
    public record Keyed(String key, byte[] value) {
    }

    /** The envelope (key: source id) and the notifications (key: channel), all acknowledged. */
    public Uni<Void> inboundEvent(Keyed envelope, List<Keyed> notes) {
        List<Uni<Void>> sends = new java.util.ArrayList<>(1 + notes.size());
        sends.add(send(inbound, envelope));
        notes.forEach(n -> sends.add(send(notifications, n)));
        return bounded(Uni.join().all(sends).andFailFast().replaceWithVoid());
    }

    /** A verified eventyay chat event to {@code chat.events} (key: channel). */
    public Uni<Void> chatEvent(Keyed event) {
        return bounded(send(chat, event));
    }

    private Uni<Void> bounded(Uni<Void> sends) {
        return sends.ifNoItem().after(timeout).fail();
    }

    private static Uni<Void> send(MutinyEmitter<byte[]> emitter, Keyed record) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).build();
        try {
            return emitter.sendMessage(Message.of(record.value()).addMetadata(metadata));
        } catch (RuntimeException e) {
            // an overflowing emitter throws instead of failing the Uni: it is still "broker unavailable"
            return Uni.createFrom().failure(e);
        }
    }
}
