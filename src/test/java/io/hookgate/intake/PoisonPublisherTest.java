package io.hookgate.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.ops.TopicsConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * Dead letters of chat.events: a send is retried until the broker takes it, without its value if too large. The
 * publisher runs on fakes; the application only provides SmallRye Fault Tolerance's runtime for its guard.
 */
@QuarkusTest
class PoisonPublisherTest {

    private static final byte[] VALUE = "{\"not\": \"an event\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aRecordTooLargeForTheDlqIsSentAgainWithItsValueOmittedAndItsSizeInAHeader() {
        List<Message<byte[]>> sent = new ArrayList<>();
        PoisonPublisher publisher = new PoisonPublisher(emitter(sent,
                n -> n == 0 ? Uni.createFrom().failure(new RecordTooLargeException("too large"))
                        : Uni.createFrom().voidItem()), topics());

        await(publisher.publish(List.of(poison())));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getPayload()).isEqualTo(VALUE);
        assertThat(sent.get(1).getPayload()).isEmpty();
        assertThat(header(sent.get(1), PoisonPublisher.VALUE_OMITTED)).isEqualTo(Integer.toString(VALUE.length));
        assertThat(header(sent.get(1), "hookgate-error")).isEqualTo("not_json");
    }

    @Test
    void anOutageIsWaitedOutAndTheRecordIsSentWhole() {
        List<Message<byte[]>> sent = new ArrayList<>();
        PoisonPublisher publisher = new PoisonPublisher(emitter(sent,
                n -> n < 4 ? Uni.createFrom().failure(new TimeoutException("broker away"))
                        : Uni.createFrom().voidItem()), topics());

        await(publisher.publish(List.of(poison())));

        assertThat(sent).hasSize(5).allSatisfy(m -> assertThat(m.getPayload()).isEqualTo(VALUE));
        assertThat(header(sent.get(4), PoisonPublisher.VALUE_OMITTED)).isNull();
    }

    private static void await(Uni<Void> publish) {
        publish.subscribe().withSubscriber(UniAssertSubscriber.create()).awaitItem(Duration.ofSeconds(30));
    }

    private static PoisonPublisher.Poison poison() {
        return new PoisonPublisher.Poison(KafkaRecord.of("chat.events", "room".getBytes(StandardCharsets.UTF_8), VALUE,
                Instant.now(), 0), "not_json", "not JSON");
    }

    private static String header(Message<byte[]> message, String name) {
        var h = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getHeaders().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** An emitter whose n-th sendMessage (from 0) answers {@code answer.apply(n)}; every message is kept. */
    @SuppressWarnings("unchecked")
    private static MutinyEmitter<byte[]> emitter(List<Message<byte[]>> sent, Function<Integer, Uni<Void>> answer) {
        return (MutinyEmitter<byte[]>) Proxy.newProxyInstance(PoisonPublisherTest.class.getClassLoader(),
                new Class<?>[] {MutinyEmitter.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("sendMessage")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    sent.add((Message<byte[]>) args[0]);
                    return answer.apply(sent.size() - 1);
                });
    }

    private static TopicsConfig topics() {
        return (TopicsConfig) Proxy.newProxyInstance(PoisonPublisherTest.class.getClassLoader(),
                new Class<?>[] {TopicsConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("eventsDlq")) {
                        return "chat.events.dlq";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
