package io.hookgate.reliability;

import static io.restassured.RestAssured.given;

import io.hookgate.event.ChatEventParser;
import io.hookgate.event.ParseResult;
import io.hookgate.support.GatewayProcess;
import io.hookgate.support.HostileEvents;
import io.hookgate.support.Receiver;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Scenario 13, hostile producer (issue 12): the usual load of valid events, and between them what a careless or
 * hostile producer writes: timestamps PostgreSQL cannot store, records over 1 MiB and near the topic's 8 MiB, quote-
 * dense events near 1 MiB, eventyay reactions sharing their message's message_id, generated edge cases and garbage.
 * Nothing valid may be lost, every hostile record must end delivered (exactly when the parser accepts it) or in
 * chat.events.dlq with a reason, and no partition may stall (lag back to 0).
 */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class HostileProducerReliabilityIT {

    static final int EVENTS = BaselineReliabilityIT.EVENTS;
    static final int HOSTILE = Integer.getInteger("hookgate.reliability.hostile", 300);
    static final long SEED = Long.getLong("hookgate.reliability.hostile.seed", System.nanoTime());
    private static final int EVERY = Math.max(1, EVENTS / HOSTILE);

    @Test
    void hostileRecordsNeverStallAPartitionAndEveryValidEventArrives() throws Exception {
        try (Scenario s = Scenario.start("13-hostile-producer", Map.of(), 2); Receiver catchAll = Receiver.ok();
                KafkaProducer<byte[], byte[]> big = bigRecordProducer()) {
            catchAll(s.gateway, catchAll);
            String run = "hostile-" + Long.toHexString(SEED);
            List<HostileEvents.Record> generated = HostileEvents.generate(SEED, HOSTILE);
            Map<String, Case> cases = new TreeMap<>();
            Instant start = Instant.now();
            for (int i = 0; i < HOSTILE; i++) {
                s.produce((long) i * EVERY, (long) (i + 1) * EVERY, 200);
                String id = run + "-" + i;
                send(s, big, cases, id, generated.get(i).bytes(id), id);
            }
            s.produce((long) HOSTILE * EVERY, EVENTS, 200);
            specials(s, big, cases, run);

            boolean complete = s.ledger.awaitComplete(Duration.ofMinutes(5));
            long lag = GatewayCrashReliabilityIT.awaitLagZero(s, Duration.ofSeconds(120));
            long producedMillis = Duration.between(start, Instant.now()).toMillis();
            int eventsDlq = s.drainDlqs();
            List<ConsumerRecord<byte[], byte[]>> dlq = KafkaTools.drain(s.gateway.topic("HOOKGATE_TOPICS_EVENTS_DLQ"),
                    ReliabilityReport.DIR.resolve(s.name + "-chat.events.dlq.jsonl"), Duration.ofSeconds(60));
            Outcomes settled = Outcomes.of(cases, catchAll, dlq);
            // lag 0 means every dead letter is written; the catch-all's own deliveries may still be on their way
            long settle = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!settled.unaccounted.isEmpty() && System.nanoTime() < settle) {
                Thread.sleep(500);
                settled = Outcomes.of(cases, catchAll, dlq);
            }
            Outcomes outcomes = settled;
            Figures f = s.ledger.figures(s.retriedAttemptsByError()).with("completed_in_time", complete)
                    .with("seed", SEED).with("hostile_records", cases.size()).with("chat_events_dlq", eventsDlq)
                    .with("dlq_reasons", outcomes.reasons).with("hostile_delivered", outcomes.delivered)
                    .with("hostile_unaccounted", outcomes.unaccounted).with("final_lag", lag)
                    .with("produce_and_settle_ms", producedMillis);
            Verdict.record(f, soft -> {
                soft.assertThat(outcomes.unaccounted).as("hostile records neither delivered (if valid) nor dead-lettered"
                        + " with a reason; -Dhookgate.reliability.hostile.seed=" + SEED).isEmpty();
                soft.assertThat(outcomes.eventyayIds).as("webhook-ids of the message and its two reactions")
                        .hasSize(3).doesNotHaveDuplicates();
                soft.assertThat(outcomes.reasons).as("special records' reasons").containsKeys("invalid_value",
                        "too_large");
                soft.assertThat(f.duplicates()).as("duplicates").isZero();
                soft.assertThat(lag).as("consumer lag: no partition stalled").isZero();
            });
        }
    }

    /** Named records beyond the generated ones: each known to break something before issue 12. */
    private static void specials(Scenario s, KafkaProducer<byte[], byte[]> big, Map<String, Case> cases, String run)
            throws Exception {
        String room = "hostile-room";
        String at = Instant.now().toString();
        send(s, big, cases, run + "-far-future", event(run + "-far-future", room, "+294277-01-02T00:00:00Z", "text",
                "u-1", "\"from the far future\""), room);
        send(s, big, cases, run + "-near-8mib", event(run + "-near-8mib", room, at, "text", "u-1",
                "\"" + "x".repeat(8 * 1024 * 1024 - 4096) + "\""), room);
        send(s, big, cases, run + "-over-1mib", event(run + "-over-1mib", room, at, "text", "u-1",
                "\"" + "y".repeat(1024 * 1024) + "\""), room);
        String quotes = "\"q\",\"x_quotes\":\"" + "\\\"".repeat(520_000) + "\"";
        send(s, big, cases, run + "-quote-dense", event(run + "-quote-dense", room, at, "text", "u-1", quotes), room);
        // the same x_case for all three: only type and sender tell them apart, as in eventyay
        for (String sender : List.of("u-17", "u-18", "u-19")) {
            String type = "u-17".equals(sender) ? "text" : "emoji";
            send(s, big, cases, run + "-eventyay-" + sender, event(run + "-eventyay", room, at, type, sender, "\"\""),
                    room, "\"x_case\":\"" + run + "-eventyay\"", "\"sender_id\":\"" + sender + "\"");
        }
        big.flush();
    }

    /** An eventyay-style record; every one shares message_id 4711, as eventyay's reactions do. */
    private static byte[] event(String caseId, String room, String at, String type, String sender, String message) {
        return ("{\"x_case\":\"" + caseId + "\",\"message_id\":4711,\"channel\":\"" + room + "\",\"timestamp\":\"" + at
                + "\",\"message_type\":\"" + type + "\",\"sender_id\":\"" + sender + "\",\"message\":" + message
                + ",\"meta\":" + ("emoji".equals(type) ? "{\"target_message_id\":4711,\"reaction\":\"👍\"}" : "{}")
                + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static void send(Scenario s, KafkaProducer<byte[], byte[]> big, Map<String, Case> cases, String id,
            byte[] value, String key) throws Exception {
        send(s, big, cases, id, value, key, "\"x_case\":\"" + id + "\"");
    }

    /** {@code markers}: what every delivery of this record, and only of this record, contains. */
    private static void send(Scenario s, KafkaProducer<byte[], byte[]> big, Map<String, Case> cases, String id,
            byte[] value, String key, String... markers) throws Exception {
        RecordMetadata at = big.send(new ProducerRecord<>(s.eventsTopic(), key.getBytes(StandardCharsets.UTF_8), value))
                .get(60, TimeUnit.SECONDS);
        cases.put(id, new Case(id, value, at.partition(), at.offset(), List.of(markers)));
    }

    /** A second tenant on every channel, whose one subscription receives every valid hostile record. */
    private static void catchAll(GatewayProcess gateway, Receiver receiver) {
        String key = given().baseUri(gateway.baseUrl()).auth().oauth2(GatewayProcess.ADMIN_KEY)
                .contentType(ContentType.JSON).body(Map.of("name", "hostile-catch-all", "channels", List.of("*")))
                .post("/v1/tenants").then().statusCode(201).extract().path("api_key");
        given().baseUri(gateway.baseUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/hook"), "event_types", List.of("chat.message", "chat.reaction")))
                .post("/v1/subscriptions").then().statusCode(201);
    }

    /** Records of up to 8 MiB: the topic's limit, like production's chat.events. */
    private static KafkaProducer<byte[], byte[]> bigRecordProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTools.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 9 * 1024 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private record Case(String id, byte[] value, int partition, long offset, List<String> markers) {

        boolean deliveredAs(Receiver.Request request) {
            String body = request.bodyText();
            return markers.stream().allMatch(body::contains);
        }
    }

    /** Where every hostile record ended. */
    private static final class Outcomes {
        final Map<String, Integer> reasons = new TreeMap<>();
        final List<String> unaccounted = new ArrayList<>();
        final List<String> eventyayIds = new ArrayList<>();
        int delivered;

        static Outcomes of(Map<String, Case> cases, Receiver catchAll, List<ConsumerRecord<byte[], byte[]>> dlq) {
            Map<String, String> reasonBySource = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r : dlq) {
                var error = r.headers().lastHeader("hookgate-error");
                String source = header(r, "hookgate-source-partition") + "/" + header(r, "hookgate-source-offset");
                reasonBySource.merge(source, error == null ? "" : new String(error.value()), (a, b) -> a + "," + b);
            }
            Outcomes o = new Outcomes();
            List<Receiver.Request> requests = catchAll.requests();
            ChatEventParser parser = new ChatEventParser();
            for (Case c : cases.values()) {
                List<Receiver.Request> mine = requests.stream().filter(c::deliveredAs).toList();
                String reason = reasonBySource.get(c.partition() + "/" + c.offset());
                boolean valid = parser.parse(c.value()) instanceof ParseResult.Valid;
                boolean ok = valid ? mine.size() == 1 && reason == null
                        : mine.isEmpty() && reason != null && !reason.isBlank() && !reason.contains(",");
                if (!ok) {
                    o.unaccounted.add(c.id() + " valid=" + valid + " deliveries=" + mine.size() + " reason=" + reason);
                }
                o.delivered += mine.size();
                if (reason != null) {
                    o.reasons.merge(reason, 1, Integer::sum);
                }
                if (c.id().contains("-eventyay-")) {
                    mine.forEach(r -> o.eventyayIds.add(r.header("webhook-id")));
                }
            }
            return o;
        }

        private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
            var h = r.headers().lastHeader(name);
            return h == null ? "" : new String(h.value());
        }
    }
}
