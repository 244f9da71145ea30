package io.hookgate.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Scenario 8: 500 malformed records interleaved with 5,000 valid ones. */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class PoisonInputReliabilityIT {

    static final int VALID = Integer.getInteger("hookgate.reliability.poison.valid", 5000);
    static final int EVERY = 10;

    /** Kinds of malformed record, each keyed "poison-<n>" so the DLQ can be matched record by record. */
    private static final List<IntFunction<byte[]>> KINDS = List.of(
            n -> ("{not json " + n).getBytes(StandardCharsets.UTF_8),
            n -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            n -> "[1,2,3]".getBytes(StandardCharsets.UTF_8),
            n -> "null".getBytes(StandardCharsets.UTF_8),
            n -> new byte[0],
            n -> ("{\"channel\":\"room\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"message_type\":\"text\","
                    + "\"message\":\"no id " + n + "\"}").getBytes(StandardCharsets.UTF_8),
            n -> ("{\"message_id\":" + n + ",\"channel\":42,\"timestamp\":\"2026-01-01T00:00:00Z\","
                    + "\"message_type\":\"text\",\"message\":\"x\"}").getBytes(StandardCharsets.UTF_8),
            n -> ("{\"message_id\":true,\"channel\":\"room\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                    + "\"message_type\":\"text\"}").getBytes(StandardCharsets.UTF_8),
            n -> ("{\"message_id\":" + n + ",\"channel\":\"room\",\"message_type\":\"text\"}")
                    .getBytes(StandardCharsets.UTF_8),
            n -> ("{\"message_id\":" + n + ",\"channel\":\"room\",\"timestamp\":\"yesterday\","
                    + "\"message_type\":\"text\"}").getBytes(StandardCharsets.UTF_8));

    @Test
    void malformedRecordsAllReachTheDlqAndEveryValidOneIsDelivered() throws Exception {
        try (Scenario s = Scenario.start("8-poison-input", Map.of(), 1)) {
            Set<String> poisonKeys = new HashSet<>();
            int poison = 0;
            for (int from = 0; from < VALID; from += EVERY) {
                s.produce(from, Math.min(VALID, from + EVERY), 0);
                byte[] value = poison < 2 ? oversized(poison) : KINDS.get(poison % KINDS.size()).apply(poison);
                String key = "poison-" + poison++;
                poisonKeys.add(key);
                s.producer.send(new ProducerRecord<>(s.eventsTopic(), key.getBytes(), value));
            }
            s.producer.flush();
            boolean complete = s.ledger.awaitComplete(Duration.ofMinutes(5));
            long lag = GatewayCrashReliabilityIT.awaitLagZero(s, Duration.ofSeconds(90));
            List<ConsumerRecord<byte[], byte[]>> dlq = drainEventsDlq(s, poisonKeys.size());
            Map<String, Integer> reasons = new TreeMap<>();
            Set<String> dlqKeys = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> r : dlq) {
                dlqKeys.add(new String(r.key()));
                var reason = r.headers().lastHeader("hookgate-error");
                reasons.merge(reason == null ? "(none)" : new String(reason.value()), 1, Integer::sum);
            }
            Figures f = s.ledger.figures(s.retriedAttemptsByError()).with("completed_in_time", complete).with("valid_events", VALID)
                    .with("malformed_events", poisonKeys.size()).with("chat_events_dlq", dlq.size())
                    .with("dlq_reasons", reasons).with("final_lag", lag);
            Verdict.record(f, soft -> {
                soft.assertThat(dlqKeys).as("malformed records in chat.events.dlq").isEqualTo(poisonKeys);
                soft.assertThat(dlq).as("chat.events.dlq holds only the malformed records").hasSize(poisonKeys.size());
                soft.assertThat(reasons).as("every DLQ record names its reason").doesNotContainKey("(none)");
                soft.assertThat(f.duplicates()).as("duplicates").isZero();
                soft.assertThat(lag).as("consumer lag").isZero();
            });
        }
    }

    /** A value just over the 1 MiB limit, otherwise a well-formed event. */
    private static byte[] oversized(int n) {
        String filler = "x".repeat(1024 * 1024 + 16);
        return ("{\"message_id\":\"big-" + n + "\",\"channel\":\"room\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                + "\"message_type\":\"text\",\"message\":\"" + filler + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<byte[], byte[]>> drainEventsDlq(Scenario s, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ConsumerRecord<byte[], byte[]>> dlq = List.of();
        while (System.nanoTime() < deadline) {
            dlq = KafkaTools.drain(s.gateway.topic("HOOKGATE_TOPICS_EVENTS_DLQ"),
                    ReliabilityReport.DIR.resolve(s.name + "-chat.events.dlq.jsonl"), Duration.ofSeconds(30));
            if (dlq.size() >= expected) {
                break;
            }
            Thread.sleep(1000);
        }
        return dlq;
    }
}
