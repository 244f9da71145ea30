package io.hookgate.reliability;

import static io.restassured.RestAssured.given;

import io.hookgate.support.GatewayProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Scenario 15 (inbound): signed GitHub requests at the ingest endpoint from 4 senders; first a baseline phase
 * (verified requests/s and latency), then the broker is SIGSTOPped for 12 s under the same load. Senders must get
 * 202 or 503 only, and every 202 must be on {@code inbound.events}: nothing acknowledged is lost.
 */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class InboundBrokerPauseReliabilityIT {

    private static final int SENDERS = 4;
    private static final int BASELINE_REQUESTS = 2000;
    private static final Duration OUTAGE = Duration.ofSeconds(12);

    @Test
    void everyAcceptedInboundRequestIsOnTheTopicAfterABrokerPause() throws Exception {
        Map<String, String> env = Map.of("HOOKGATE_INBOUND_BROKER_TIMEOUT", "3s",
                "HOOKGATE_INBOUND_PER_CLIENT_PER_SECOND", "100000", "HOOKGATE_INBOUND_PER_SOURCE_PER_SECOND", "100000");
        try (GatewayProcess gateway = new GatewayProcess("15-inbound-broker-paused", env)) {
            gateway.start();
            Sender sender = new Sender(gateway);
            Map<String, Integer> accepted = ACCEPTED;
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            TreeMap<Integer, Integer> baselineStatuses = new TreeMap<>();
            long t0 = System.nanoTime();
            run(SENDERS, () -> {
                for (int i = 0; i < BASELINE_REQUESTS / SENDERS; i++) {
                    record(sender.send(), accepted, latencies, baselineStatuses);
                }
            });
            double perSecond = BASELINE_REQUESTS / ((System.nanoTime() - t0) / 1e9);
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);

            TreeMap<Integer, Integer> outageStatuses = new TreeMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                load.add(pool.submit(() -> {
                    while (!stop.get()) {
                        record(sender.send(), accepted, null, outageStatuses);
                    }
                    return null;
                }));
            }
            try {
                Thread.sleep(2000);
                Faults.pauseKafka();
                Thread.sleep(OUTAGE.toMillis());
            } finally {
                Faults.resumeKafka();
            }
            Thread.sleep(5000);
            stop.set(true);
            for (Future<?> f : load) {
                f.get();
            }
            pool.shutdown();

            String topic = gateway.topic("HOOKGATE_TOPICS_INBOUND_EVENTS");
            Set<String> onTopic = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            do {
                onTopic.clear();
                KafkaTools.drain(topic, Path.of("target", "reliability", "15-inbound-events.jsonl"),
                        Duration.ofSeconds(30)).forEach(r -> onTopic.add(new JsonObject(
                                new String(r.value(), StandardCharsets.UTF_8)).getString("id")));
            } while (!onTopic.containsAll(accepted.keySet()) && System.nanoTime() < deadline);
            long found = accepted.keySet().stream().filter(onTopic::contains).count();
            Set<Integer> outageCodes = new HashSet<>(outageStatuses.keySet());
            outageCodes.removeAll(Set.of(202, 503));

            Figures f = new Figures("15-inbound-broker-paused-12s", accepted.size(), onTopic.size(), found, 0, 0,
                    onTopic.size(), perSecond, percentile(sorted, 50), percentile(sorted, 99), Map.of())
                    .with("baseline_requests", BASELINE_REQUESTS).with("baseline_statuses", baselineStatuses.toString())
                    .with("verified_inbound_per_s", Math.round(perSecond)).with("outage_s", OUTAGE.toSeconds())
                    .with("outage_statuses", outageStatuses.toString());
            Verdict.record(f, soft -> {
                soft.assertThat(baselineStatuses.keySet()).as("baseline answers").containsOnly(202);
                soft.assertThat(outageCodes).as("answers other than 202 and 503 under the pause").isEmpty();
                soft.assertThat(outageStatuses).as("the pause was felt (some 503)").containsKey(503);
            });
        }
    }

    private static void record(int[] result, Map<String, Integer> ignored, List<Long> latencies,
            TreeMap<Integer, Integer> statuses) {
        synchronized (statuses) {
            statuses.merge(result[0], 1, Integer::sum);
        }
        if (latencies != null) {
            latencies.add((long) result[1]);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    private static void run(int threads, Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            done.add(pool.submit(work));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    /** A GitHub sender: one source, a fresh delivery id per request. */
    private static final class Sender {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final URI uri;
        private final byte[] key;

        Sender(GatewayProcess gateway) {
            String tenantKey = given().baseUri(gateway.baseUrl()).auth().oauth2(GatewayProcess.ADMIN_KEY)
                    .contentType(ContentType.JSON).body(Map.of("name", "inbound", "channels", List.of("*")))
                    .post("/v1/tenants").then().statusCode(201).extract().path("api_key");
            JsonPath source = given().baseUri(gateway.baseUrl()).auth().oauth2(tenantKey)
                    .contentType(ContentType.JSON).body(Map.of("type", "github", "name", "load"))
                    .post("/v1/sources").then().statusCode(201).extract().jsonPath();
            this.uri = URI.create(gateway.baseUrl() + "/v1/inbound/" + source.getString("id"));
            this.key = source.getString("secret").getBytes(StandardCharsets.UTF_8);
        }

        /** {status, latency ms}; a 202's id is remembered in {@link #ACCEPTED}. */
        int[] send() {
            String delivery = UUID.randomUUID().toString();
            byte[] body = ("{\"zen\":\"" + delivery + "\",\"hook_id\":1}").getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/json").header("X-GitHub-Event", "ping")
                    .header("X-GitHub-Delivery", delivery).header("X-Hub-Signature-256", "sha256=" + hmac(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int ms = (int) ((System.nanoTime() - start) / 1_000_000);
                if (response.statusCode() == 202) {
                    ACCEPTED.put(new JsonObject(response.body()).getString("id"), 1);
                }
                return new int[] {response.statusCode(), ms};
            } catch (Exception e) {
                return new int[] {0, (int) ((System.nanoTime() - start) / 1_000_000)};
            }
        }

        private String hmac(byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(body));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Ids the gateway acknowledged with 202, across both phases. */
    private static final Map<String, Integer> ACCEPTED = new ConcurrentHashMap<>();
}
