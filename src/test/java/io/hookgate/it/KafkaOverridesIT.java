package io.hookgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.support.GatewayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The intake's Kafka settings that docs/OPERATIONS.md tells operators to override with environment variables start
 * the packaged jar and take effect. A variable for a property of the dashed channel {@code chat-events} that
 * application.properties does not declare is read as a channel "chat" and the gateway refuses to start: found when
 * the reliability suite set the session timeout that way.
 */
class KafkaOverridesIT {

    /** Every {@code MP_MESSAGING_} variable OPERATIONS names, with a value a gateway can run with. */
    private static final Map<String, String> DOCUMENTED = Map.of(
            "MP_MESSAGING_INCOMING_CHAT_EVENTS_FETCH_MAX_WAIT_MS", "50",
            "MP_MESSAGING_INCOMING_CHAT_EVENTS_MAX_PARTITION_FETCH_BYTES", "2097152",
            "MP_MESSAGING_INCOMING_CHAT_EVENTS_FETCH_MAX_BYTES", "8388608",
            // the broker's smallest allowed session (group.min.session.timeout.ms)
            "MP_MESSAGING_INCOMING_CHAT_EVENTS_SESSION_TIMEOUT_MS", "6000");
    /** Kafka's default session is 45 s: a killed member's partitions wait that long without the override. */
    private static final Duration HANDED_ON_WITHIN = Duration.ofSeconds(25);

    @Test
    void everyOverrideOperationsNamesIsStartedHere() throws Exception {
        Set<String> named = Pattern.compile("MP_MESSAGING_[A-Z_]*[A-Z](?![A-Z_<])")
                .matcher(Files.readString(Path.of("docs/OPERATIONS.md"))).results().map(MatchResult::group)
                .collect(Collectors.toSet());
        assertThat(named).as("variables OPERATIONS names").isNotEmpty();
        assertThat(DOCUMENTED.keySet()).as("variables this test starts a gateway with").containsAll(named);
    }

    @Test
    void documentedOverridesStartTheGatewayAndAShortSessionHandsAKilledReplicasPartitionsOnInSeconds()
            throws Exception {
        try (GatewayProcess gateway = new GatewayProcess("kafka-overrides", DOCUMENTED)) {
            gateway.start();
            String group = gateway.topic("HOOKGATE_INTAKE_GROUP_ID");
            awaitMember(group);
            gateway.kill();
            long killed = System.nanoTime();
            try (KafkaConsumer<byte[], byte[]> next = consumer(group)) {
                AtomicBoolean assigned = new AtomicBoolean();
                next.subscribe(List.of(gateway.topic("HOOKGATE_TOPICS_EVENTS")), onAssigned(assigned));
                long deadline = killed + Duration.ofSeconds(60).toNanos();
                while (!assigned.get() && System.nanoTime() < deadline) {
                    next.poll(Duration.ofMillis(200));
                }
                Duration took = Duration.ofNanos(System.nanoTime() - killed);
                assertThat(assigned).as("partitions handed to the next member").isTrue();
                assertThat(took).as("from kill -9 to the next member's assignment").isLessThan(HANDED_ON_WITHIN);
            }
        }
    }

    private static void awaitMember(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                if (d != null && d.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the gateway never held a partition of group " + group);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static ConsumerRebalanceListener onAssigned(AtomicBoolean assigned) {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    assigned.set(true);
                }
            }
        };
    }

    private static String bootstrap() {
        return System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    }
}
