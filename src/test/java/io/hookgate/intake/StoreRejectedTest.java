package io.hookgate.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A record the parser accepts but PostgreSQL rejects for its data (issue 12, item 1). A test-only CHECK constraint
 * stands in for any such value: the batch is split until the offending record is alone, that record goes to
 * chat.events.dlq as {@code store_rejected}, and every other record of the batch is stored and delivered.
 */
@QuarkusTest
class StoreRejectedTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    private String rejected;

    @BeforeEach
    void rejectOneChannelInTheStore() {
        rejected = "store-rejects-" + UUID.randomUUID();
        sql("ALTER TABLE events ADD CONSTRAINT test_store_rejects CHECK (channel <> '" + rejected + "') NOT VALID");
    }

    @AfterEach
    void dropTheConstraint() {
        sql("ALTER TABLE events DROP CONSTRAINT IF EXISTS test_store_rejects");
    }

    @Test
    void recordsTheStoreRejectsAreIsolatedAndDeadLetteredAndTheRestOfTheBatchIsDelivered() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room, rejected);
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), List.of(room, rejected), null);
            Set<String> bad = Set.of("bad-7", "bad-30");
            List<String> good = new ArrayList<>();
            // one burst on one key (one partition), so that the records share Kafka batches
            for (int i = 0; i < 40; i++) {
                String id = i == 7 || i == 30 ? "bad-" + i : "good-" + i;
                String channel = id.startsWith("bad") ? rejected : room;
                if (id.startsWith("good")) {
                    good.add(id);
                }
                producer.send(new ProducerRecord<>("chat.events", room.getBytes(), ChatEvents.text(channel, id, id)));
            }
            producer.flush();

            await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.requests()).hasSize(good.size()));
            List<ConsumerRecord<byte[], byte[]>> dlq = Kafka.readUntil("chat.events.dlq",
                    read -> mine(read, room).size() >= 2, WAIT);
            assertThat(mine(dlq, room)).hasSize(2).allSatisfy(r -> {
                assertThat(Kafka.headers(r)).containsEntry("hookgate-error", "store_rejected");
                assertThat(Kafka.headers(r).get("hookgate-error-detail")).contains("23514");
            });
            assertThat(mine(dlq, room).stream().map(r -> new String(r.value())).collect(Collectors.toSet()))
                    .allSatisfy(value -> assertThat(bad).anySatisfy(id -> assertThat(value).contains("\"" + id + "\"")));
            assertThat(receiver.requests()).extracting(Receiver.Request::bodyText)
                    .noneSatisfy(body -> assertThat(body).contains("\"bad-"));
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> mine(List<ConsumerRecord<byte[], byte[]>> read, String room) {
        return read.stream().filter(r -> r.key() != null && room.equals(new String(r.key()))).toList();
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(Duration.ofSeconds(10));
    }
}
