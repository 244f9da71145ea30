package io.hookgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Inbound webhooks (issue 15, SPEC section 12): a {@code github} source with a route, signed GitHub {@code push}
 * requests to {@code POST /v1/inbound/{id}} from a non-blocking client: first a closed-loop burst (64 in flight)
 * for the accepted requests/s, then half that rate paced for the latency to 202 (open loop: latency counts from
 * each request's scheduled instant, so a slow gateway cannot slow the sender down); then every accepted delivery
 * id is looked up on {@code inbound.events}. Senders use four loopback addresses, as several GitHub hosts would;
 * the bench gateway's inbound rate limits are raised (see {@link Gateway}) so that capacity, not the configured
 * limit, is what is measured.
 */
final class InboundPhase {

    static final String TOPIC = "inbound.events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SENDERS = 4;
    // requests in flight in the capacity burst: the senders' 4 x 16 connections
    private static final int WINDOW = 64;
    private static final int WARMUP = 200;
    private static final String REPOSITORY = "octo-org/Hello-World"; // the fixture's repository.full_name
    private static final Duration VERIFY_WAIT = Duration.ofSeconds(30);

    private InboundPhase() {
    }

    /** One phase against a running gateway: {@code rate x seconds / 2} requests in the burst, then the paced half. */
    static ObjectNode run(Gateway gateway, String adminKey, String bootstrap, double rate, int seconds,
            String session) throws Exception {
        ObjectNode node = JSON.createObjectNode();
        java.net.http.HttpClient admin = java.net.http.HttpClient.newHttpClient();
        String apiKey = post(admin, gateway.baseUrl(), adminKey, "/v1/tenants",
                Map.of("name", "bench-inbound-" + session, "channels", List.of("*"))).path("api_key").asText();
        JsonNode source = post(admin, gateway.baseUrl(), apiKey, "/v1/sources",
                Map.of("type", "github", "name", "bench " + session));
        String sourceId = source.path("id").asText();
        post(admin, gateway.baseUrl(), apiKey, "/v1/sources/" + sourceId + "/routes",
                Map.of("repository", REPOSITORY, "channel", "bench-inbound-" + session));
        byte[] body = pushPayload();
        String signature = "sha256=" + hmacHex(source.path("secret").asText(), body);
        URI base = URI.create(gateway.baseUrl());
        long rssBefore = gateway.peakRssKib();
        // the inbound path has not run yet in this JVM: a burst the JIT may compile, not measured but checked
        Sent warmup = send(base, sourceId, body, signature, Double.POSITIVE_INFINITY, WARMUP);
        // capacity: as many requests as WINDOW in flight allow; then latency at half of it, paced
        Sent burst = send(base, sourceId, body, signature, Double.POSITIVE_INFINITY, (int) Math.round(rate * seconds / 2));
        double capacity = burst.accepted.size() / burst.elapsedSeconds;
        double paced = Math.max(10, Math.round(capacity / 2));
        Sent sent = send(base, sourceId, body, signature, paced, (int) Math.round(paced * seconds / 2));
        Set<String> expected = new HashSet<>(warmup.accepted.keySet());
        expected.addAll(burst.accepted.keySet());
        expected.addAll(sent.accepted.keySet());
        Set<String> onTopic = readDeliveryIds(bootstrap, sourceId, expected);
        long lost = expected.stream().filter(id -> !onTopic.contains(id)).count();
        long[] latencies = Stats.sorted(sent.accepted.values().stream().mapToLong(Long::longValue).toArray());
        node.put("body_bytes", body.length);
        node.put("burst_sent", burst.count);
        node.put("accepted_per_s", Stats.round(capacity, 1));
        node.put("paced_requests_per_s", paced);
        node.put("paced_sent", sent.count);
        node.put("paced_accepted_per_s", Stats.round(sent.accepted.size() / sent.elapsedSeconds, 1));
        Map<Integer, Integer> refused = new TreeMap<>(warmup.refused);
        burst.refused.forEach((status, n) -> refused.merge(status, n, Integer::sum));
        sent.refused.forEach((status, n) -> refused.merge(status, n, Integer::sum));
        node.set("refused_by_status", JSON.valueToTree(refused));
        node.put("failed", warmup.failed.get() + burst.failed.get() + sent.failed.get());
        node.put("latency_p50_ms", Stats.round(Stats.percentile(latencies, 50) / 1e6, 2));
        node.put("latency_p99_ms", Stats.round(Stats.percentile(latencies, 99) / 1e6, 2));
        node.put("latency_max_ms", latencies.length == 0 ? Double.NaN : Stats.round(latencies[latencies.length - 1] / 1e6, 2));
        node.put("peak_rss_mib_before", rssBefore / 1024);
        node.put("peak_rss_mib_after", gateway.peakRssKib() / 1024);
        // the bench's loss check sums every checked phase's "lost": an accepted (202) request missing is a loss
        node.put("lost", lost);
        return node;
    }

    private static final class Sent {
        final Map<String, Long> accepted = new ConcurrentHashMap<>();
        final Map<Integer, Integer> refused = new ConcurrentHashMap<>();
        final AtomicInteger failed = new AtomicInteger();
        int count;
        double elapsedSeconds;
    }

    /**
     * Open loop: request i is due at start + i / rate; a timer sends whatever is due every millisecond. An infinite
     * rate is a closed loop instead: at most WINDOW requests in flight, the next one sent as soon as one is answered.
     */
    private static Sent send(URI base, String sourceId, byte[] body, String signature, double rate, int total)
            throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            clients.add(vertx.createHttpClient(new HttpClientOptions().setLocalAddress("127.0.0." + (2 + i))
                    .setKeepAlive(true).setConnectTimeout(5_000), new PoolOptions().setHttp1MaxSize(16)));
        }
        Sent sent = new Sent();
        sent.count = total;
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        Buffer payload = Buffer.buffer(body);
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        long[] lastAnswer = {start};
        vertx.setPeriodic(1, timer -> {
            long due = Double.isInfinite(rate) ? Math.min(total, answered.get() + WINDOW)
                    : Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * rate) + 1);
            while (next.get() < due) {
                int i = next.getAndIncrement();
                long scheduled = Double.isInfinite(rate) ? System.nanoTime() : start + (long) (i / rate * 1e9);
                String delivery = UUID.randomUUID().toString();
                RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost())
                        .setPort(base.getPort()).setURI("/v1/inbound/" + sourceId)
                        .putHeader("content-type", "application/json").putHeader("x-github-event", "push")
                        .putHeader("x-github-delivery", delivery).putHeader("x-hub-signature-256", signature)
                        .putHeader("user-agent", "GitHub-Hookshot/bench").setTimeout(30_000);
                clients.get(i % SENDERS).request(request).compose(r -> r.send(payload))
                        .onSuccess(response -> {
                            long now = System.nanoTime();
                            synchronized (lastAnswer) {
                                lastAnswer[0] = Math.max(lastAnswer[0], now);
                            }
                            if (response.statusCode() == 202) {
                                sent.accepted.put(delivery, now - scheduled);
                            } else {
                                sent.refused.merge(response.statusCode(), 1, Integer::sum);
                            }
                            answered.incrementAndGet();
                            done.countDown();
                        }).onFailure(e -> {
                            sent.failed.incrementAndGet();
                            answered.incrementAndGet();
                            done.countDown();
                        });
            }
            if (next.get() >= total) {
                vertx.cancelTimer(timer);
            }
        });
        boolean finished = done.await(120, TimeUnit.SECONDS);
        synchronized (lastAnswer) {
            sent.elapsedSeconds = (lastAnswer[0] - start) / 1e9;
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
        if (!finished) {
            throw new IllegalStateException("inbound phase: " + done.getCount() + " requests never answered");
        }
        return sent;
    }

    /** Delivery ids of this source's records on inbound.events, read until all expected are seen or the wait ends. */
    private static Set<String> readDeliveryIds(String bootstrap, String sourceId, Set<String> expected) throws IOException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + VERIFY_WAIT.toNanos();
            while (!seen.containsAll(expected) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && sourceId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        seen.add(JSON.readTree(record.value()).path("delivery_id").asText());
                    }
                }
            }
        }
        return seen;
    }

    private static JsonNode post(java.net.http.HttpClient http, String base, String key, String path, Object body)
            throws IOException, InterruptedException {
        var response = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base + path))
                .header("authorization", "Bearer " + key).header("content-type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** A real-shaped GitHub push (3 commits), from the gateway's test fixture. */
    private static byte[] pushPayload() throws IOException {
        try (InputStream in = InboundPhase.class.getResourceAsStream("/github-push.json")) {
            return in.readAllBytes();
        }
    }

    private static String hmacHex(String secret, byte[] body) throws java.security.GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
