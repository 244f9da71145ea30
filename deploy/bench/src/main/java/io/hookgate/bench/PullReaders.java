package io.hookgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Pull consumers of the benchmark: long-poll wake-up latency, and read throughput under push load. */
final class PullReaders {

    private PullReaders() {
    }

    /**
     * {@code rounds} times: 10 long-polls (one per subscription, each after its last cursor) are waiting, one event
     * is produced to their channel, and each answer's latency from the produce is recorded.
     */
    static ObjectNode wakeLatency(PullApi api, BenchOptions options, String topic, String channel, ObjectMapper json)
            throws Exception {
        List<String> subs = api.create(PullPhase.CONSUMERS, List.of(channel));
        String[] cursors = new String[subs.size()];
        List<Long> latencies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(subs.size());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", options.bootstrap,
                "acks", "all", "linger.ms", "0"), new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int round = 0; round < options.pullWakeRounds; round++) {
                AtomicLong produced = new AtomicLong();
                List<CompletableFuture<Long>> answers = new ArrayList<>();
                for (int i = 0; i < subs.size(); i++) {
                    int s = i;
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        JsonNode page = readQuietly(api, subs.get(s), cursors[s], 10);
                        long at = BenchClock.nowMillis();
                        if (page.path("data").isEmpty()) {
                            return -1L;
                        }
                        cursors[s] = page.path("next_cursor").asText(null);
                        return at - produced.get();
                    }, pool));
                }
                // the waiters must be parked before the event exists, or they read it without waiting
                Thread.sleep(200);
                long now = BenchClock.nowMillis();
                produced.set(now);
                producer.send(new ProducerRecord<>(topic, null, now, channel.getBytes(StandardCharsets.UTF_8),
                        ChatEvents.event(2_000_000_000L + round, channel, now))).get();
                for (CompletableFuture<Long> answer : answers) {
                    long latency = answer.get(30, TimeUnit.SECONDS);
                    if (latency >= 0) {
                        latencies.add(latency);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        ObjectNode node = json.createObjectNode();
        node.put("rounds", options.pullWakeRounds);
        node.put("waiters_per_round", subs.size());
        node.put("answers", sorted.length);
        node.put("produce_to_answer_p50_ms", Stats.round(Stats.percentile(sorted, 50), 1));
        node.put("produce_to_answer_p99_ms", Stats.round(Stats.percentile(sorted, 99), 1));
        node.put("produce_to_answer_max_ms", sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
        return node;
    }

    /** 10 pull consumers read everything a push throughput phase produces, while it runs. */
    static ObjectNode throughput(Measure measure, Gateway gateway, PullApi api, Workload workload, String topic,
            BenchOptions options, boolean[] healthy, Map<Integer, Webhook> verifiers, ObjectMapper json)
            throws Exception {
        List<String> subs = api.create(PullPhase.CONSUMERS, PullPhase.channels(workload));
        Thread.sleep(1500); // the subscriber index learns of them by NOTIFY
        int events = options.pullEvents;
        AtomicLong read = new AtomicLong();
        AtomicLong lastRead = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(subs.size());
        long start = System.nanoTime();
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        for (String sub : subs) {
            readers.add(CompletableFuture.runAsync(() -> readAll(api, sub, events, read, lastRead), pool));
        }
        Measure.Measured push = measure.throughput("pull-push-load", workload, topic, events, healthy, verifiers,
                List.of(gateway));
        try {
            CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (lastRead.get() - start) / 1e9;
        ObjectNode node = json.createObjectNode();
        node.put("consumers", subs.size());
        node.put("messages_read", read.get());
        node.put("messages_expected", (long) events * subs.size());
        node.put("messages_per_s", Stats.round(read.get() / seconds, 0));
        node.set("push", push.result().toJson(json));
        return node;
    }

    private static void readAll(PullApi api, String sub, int expected, AtomicLong read, AtomicLong lastRead) {
        String cursor = null;
        int mine = 0;
        while (mine < expected) {
            JsonNode page = readQuietly(api, sub, cursor, 5);
            int n = page.path("data").size();
            if (n == 0) {
                continue;
            }
            mine += n;
            read.addAndGet(n);
            lastRead.accumulateAndGet(System.nanoTime(), Math::max);
            cursor = page.path("next_cursor").asText(null);
        }
    }

    private static JsonNode readQuietly(PullApi api, String sub, String after, int waitSeconds) {
        try {
            return api.read(sub, after, 500, waitSeconds);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
