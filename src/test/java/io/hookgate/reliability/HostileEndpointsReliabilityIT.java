package io.hookgate.reliability;

import static io.restassured.RestAssured.given;

import io.hookgate.reliability.HostileEndpoint.Kind;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.GatewayProcess;
import io.hookgate.support.Receiver;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Scenario 7: 11 healthy and 9 hostile endpoints on one gateway. Healthy latency is measured first alone, then
 * while the hostile ones hang, fail, redirect to a canary, reset, trickle and stream without end, then alone again.
 */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class HostileEndpointsReliabilityIT {

    static final String NAME = "7-hostile-endpoints";
    static final int HEALTHY = 11;
    static final int WARMUP = 100;
    static final int PACED = 400;
    static final int RATE = 20;
    static final int HOSTILE_EVENTS = 12;
    static final int PER_ENDPOINT_CAP = 8;
    static final long RSS_GROWTH_MIB = 128;
    /** -Dhookgate.reliability.hostile.kinds=HANG,TRICKLE narrows the hostile set, to find which one hurts. */
    static final List<Kind> KINDS = java.util.Arrays.stream(System.getProperty("hookgate.reliability.hostile.kinds",
            java.util.Arrays.stream(Kind.values()).map(Kind::name).collect(java.util.stream.Collectors.joining(",")))
            .split(",")).map(String::strip).map(Kind::valueOf).toList();

    @Test
    void hostileEndpointsNeitherSlowHealthyOnesNorLeakAndEachFailsWithItsReason() throws Exception {
        Map<String, String> env = new HashMap<>(Scenario.FAST);
        env.putAll(Map.of("HOOKGATE_DELIVERY_RETRY_SCHEDULE", "1s,1s", "HOOKGATE_DELIVERY_TIMEOUT", "3s",
                "HOOKGATE_DELIVERY_BREAKER_OPEN_FOR", "2s"));
        Vertx vertx = Vertx.vertx();
        List<Receiver> healthy = new ArrayList<>();
        Map<Kind, HostileEndpoint> hostile = new LinkedHashMap<>();
        try (Receiver canary = Receiver.ok(); GatewayProcess gateway = new GatewayProcess(NAME, env);
                KafkaProducer<byte[], byte[]> producer = KafkaTools.producer()) {
            for (int i = 0; i < HEALTHY; i++) {
                healthy.add(Receiver.ok());
            }
            for (Kind k : KINDS) {
                hostile.put(k, new HostileEndpoint(vertx, k, canary.url("/canary")));
            }
            List<String> rooms = IntStream.range(0, 4).mapToObj(i -> ChatEvents.channel()).toList();
            String hostileRoom = ChatEvents.channel();
            gateway.start();
            List<String> all = new ArrayList<>(rooms);
            all.add(hostileRoom);
            String key = tenant(gateway, all);
            List<Ledger.Endpoint> endpoints = new ArrayList<>();
            for (Receiver r : healthy) {
                var body = subscribe(gateway, key, r.url("/hook"), rooms);
                endpoints.add(new Ledger.Endpoint(r, body.getString("id"), body.getString("secret")));
            }
            Map<Kind, String> hostileIds = new LinkedHashMap<>();
            for (HostileEndpoint h : hostile.values()) {
                String id = subscribe(gateway, key, h.registrationUrl(), List.of(hostileRoom)).getString("id");
                hostileIds.put(h.kind, id);
                if (!h.deliveryUrl().equals(h.registrationUrl())) {
                    repoint(gateway, id, h.deliveryUrl());
                }
            }
            Ledger ledger = new Ledger(NAME, endpoints, rooms);
            String topic = gateway.topic("HOOKGATE_TOPICS_EVENTS");
            try (ProcessSampler sampler = ProcessSampler.ofGatewayChild()) {
                ledger.produce(producer, topic, 0, WARMUP, 0);
                boolean warm = ledger.awaitComplete(Duration.ofMinutes(2));
                sampler.takeMaxima();
                ledger.produce(producer, topic, WARMUP, WARMUP + PACED, RATE);
                boolean baselineDone = ledger.awaitComplete(Duration.ofMinutes(2));
                List<Long> baseline = ledger.latenciesFrom(WARMUP);
                long[] baseMax = sampler.takeMaxima();
                ScheduledExecutorService hostileFeed = Executors.newSingleThreadScheduledExecutor();
                AtomicInteger fed = new AtomicInteger();
                hostileFeed.scheduleAtFixedRate(() -> {
                    int n = fed.getAndIncrement();
                    if (n < HOSTILE_EVENTS) {
                        producer.send(new ProducerRecord<>(topic, hostileRoom.getBytes(),
                                ChatEvents.text(hostileRoom, 1_000_000 + n, "hostile" + n)));
                    }
                }, 0, PACED * 1000L / RATE / HOSTILE_EVENTS, TimeUnit.MILLISECONDS);
                long from = WARMUP + PACED;
                ledger.produce(producer, topic, from, from + PACED, RATE);
                boolean hostileDone = ledger.awaitComplete(Duration.ofMinutes(2));
                List<Long> underFire = ledger.latenciesFrom(from);
                Map<Kind, Map<String, Integer>> api = awaitHostileSettled(gateway, key, hostileIds,
                        Duration.ofMinutes(4));
                hostileFeed.shutdownNow();
                long[] fireMax = sampler.takeMaxima();
                // healthy-only again once the hostile work has settled: shows how noisy the machine is
                long after = from + PACED;
                ledger.produce(producer, topic, after, after + PACED, RATE);
                boolean afterDone = ledger.awaitComplete(Duration.ofMinutes(2));
                List<Long> afterward = ledger.latenciesFrom(after);
                List<ConsumerRecord<byte[], byte[]>> dlq = KafkaTools.drain(
                        gateway.topic("HOOKGATE_TOPICS_DELIVERIES_DLQ"),
                        ReliabilityReport.DIR.resolve(NAME + "-webhook.deliveries.dlq.jsonl"), Duration.ofSeconds(60));
                ledger.deadLettered(dlq);
                Map<Kind, Map<String, Integer>> dlqReasons = dlqReasons(dlq, hostileIds);
                long baseP99 = Ledger.percentile(baseline, 99);
                long fireP99 = Ledger.percentile(underFire, 99);
                long bound = Math.round(1.2 * baseP99) + 50;
                Map<String, Object> endpointsFigures = new TreeMap<>();
                hostile.forEach((k, h) -> endpointsFigures.put(k.name(), h.figures()));
                Figures base = ledger.figures();
                Figures f = new Figures(NAME, base.expected(), base.received(), base.uniqueDelivered(),
                        base.deadLettered(), base.invalidSignatures(), base.verified(), base.deliveriesPerSecond(),
                        Ledger.percentile(underFire, 50), fireP99, base.notes())
                        .with("healthy_endpoints", HEALTHY).with("hostile_endpoints", hostile.size())
                        .with("hostile_kinds", KINDS.stream().map(Kind::name).toList())
                        .with("hostile_events_per_endpoint", HOSTILE_EVENTS)
                        .with("baseline_e2e_p50_ms", Ledger.percentile(baseline, 50)).with("baseline_e2e_p99_ms", baseP99)
                        .with("under_fire_e2e_p99_ms", fireP99).with("p99_bound_ms", bound)
                        .with("after_e2e_p50_ms", Ledger.percentile(afterward, 50))
                        .with("after_e2e_p99_ms", Ledger.percentile(afterward, 99))
                        .with("canary_connections", canary.connections())
                        .with("baseline_max_rss_mib", baseMax[0]).with("under_fire_max_rss_mib", fireMax[0])
                        .with("baseline_max_sockets", baseMax[1]).with("under_fire_max_sockets", fireMax[1])
                        .with("hostile_api_status_error", api).with("hostile_dlq_last_error", dlqReasons)
                        .with("hostile_endpoint_figures", endpointsFigures)
                        .with("completed_in_time", warm && baselineDone && hostileDone && afterDone);
                int canaryConnections = canary.connections();
                long socketBound = 2L * (HEALTHY + hostile.size()) * PER_ENDPOINT_CAP;
                Verdict.record(f, soft -> {
                    soft.assertThat(fireP99).as("healthy p99 under fire vs 1.2 x baseline + 50 ms").isLessThanOrEqualTo(bound);
                    soft.assertThat(canaryConnections).as("canary connections").isZero();
                    soft.assertThat(fireMax[1]).as("open sockets").isLessThanOrEqualTo(socketBound);
                    soft.assertThat(fireMax[0]).as("RSS MiB").isLessThanOrEqualTo(baseMax[0] + RSS_GROWTH_MIB);
                    soft.assertThat(f.duplicates()).as("healthy duplicates").isZero();
                    soft.assertThat(f.deadLettered()).as("healthy dead-lettered").isZero();
                    if (KINDS.contains(Kind.GONE_410)) {
                        Map<String, Integer> gone = api.getOrDefault(Kind.GONE_410, Map.of());
                        soft.assertThat(gone).as("410 deliveries").containsKey("failed/status_410");
                        soft.assertThat(gone.keySet()).as("410 deliveries").isSubsetOf("failed/status_410",
                                "failed/subscription_disabled");
                        soft.assertThat(dlqReasons.getOrDefault(Kind.GONE_410, Map.of())).as("410 DLQ last_error")
                                .isEqualTo(dlqOf(gone));
                    }
                    for (Kind k : KINDS) {
                        if (k == Kind.GONE_410) {
                            continue;
                        }
                        Map<String, Integer> want = expected(k);
                        soft.assertThat(api.get(k)).as(k + " deliveries (status/last_error)").isEqualTo(want);
                        soft.assertThat(dlqReasons.getOrDefault(k, Map.of())).as(k + " DLQ last_error")
                                .isEqualTo(dlqOf(want));
                    }
                    HostileEndpoint endless = hostile.get(Kind.ENDLESS_BODY);
                    if (endless != null) {
                        long perPost = endless.endlessBytes.get() / Math.max(1, endless.posts.get());
                        soft.assertThat(perPost).as("endless body bytes written per request").isLessThan(4L << 20);
                    }
                });
            }
        } finally {
            for (Receiver r : healthy) {
                r.close();
            }
            for (HostileEndpoint h : hostile.values()) {
                h.close();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** What every delivery of an endpoint must end as. */
    private static Map<String, Integer> expected(Kind k) {
        return k.expectedError == null ? Map.of("delivered/null", HOSTILE_EVENTS)
                : Map.of("failed/" + k.expectedError, HOSTILE_EVENTS);
    }

    /** The DLQ holds exactly the failed deliveries, by last_error. */
    private static Map<String, Integer> dlqOf(Map<String, Integer> statusError) {
        Map<String, Integer> out = new TreeMap<>();
        statusError.forEach((s, n) -> {
            if (s.startsWith("failed/")) {
                out.put(s.substring("failed/".length()), n);
            }
        });
        return out;
    }

    private static Map<Kind, Map<String, Integer>> dlqReasons(List<ConsumerRecord<byte[], byte[]>> dlq,
            Map<Kind, String> ids) {
        Map<Kind, Map<String, Integer>> out = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : dlq) {
            JsonObject e = new JsonObject(new String(r.value()));
            ids.forEach((k, id) -> {
                if (id.equals(e.getString("subscription_id"))) {
                    out.computeIfAbsent(k, x -> new TreeMap<>()).merge(String.valueOf(e.getString("last_error")), 1,
                            Integer::sum);
                }
            });
        }
        return out;
    }

    /** Polls each hostile subscription until HOSTILE_EVENTS deliveries exist and none is pending. */
    private static Map<Kind, Map<String, Integer>> awaitHostileSettled(GatewayProcess g, String key,
            Map<Kind, String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Kind, Map<String, Integer>> out = new TreeMap<>();
        while (true) {
            boolean settled = true;
            for (var e : ids.entrySet()) {
                List<Map<String, Object>> data = given().baseUri(g.baseUrl()).auth().oauth2(key).queryParam("limit", 100)
                        .get("/v1/subscriptions/" + e.getValue() + "/deliveries").then().statusCode(200).extract()
                        .jsonPath().getList("data");
                Map<String, Integer> counts = new TreeMap<>();
                data.forEach(d -> counts.merge(d.get("status") + "/" + d.get("last_error"), 1, Integer::sum));
                out.put(e.getKey(), counts);
                // a 410 disables the subscription at once, so later events may create no delivery for it
                int minimum = e.getKey() == Kind.GONE_410 ? 1 : HOSTILE_EVENTS;
                settled &= data.size() >= minimum && data.stream().noneMatch(d -> "pending".equals(d.get("status")));
            }
            if (settled || System.nanoTime() > deadline) {
                return out;
            }
            Thread.sleep(1000);
        }
    }

    /** The endpoint's certificate "changes" after registration: the challenge cannot pass a self-signed one. */
    private static void repoint(GatewayProcess g, String subscriptionId, String url) throws Exception {
        try (var db = DriverManager.getConnection(g.databaseEnv().get("QUARKUS_DATASOURCE_JDBC_URL"),
                System.getenv("QUARKUS_DATASOURCE_USERNAME"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
                var st = db.prepareStatement("UPDATE subscriptions SET url = ? WHERE id = ?::uuid")) {
            st.setString(1, url);
            st.setString(2, subscriptionId);
            if (st.executeUpdate() != 1) {
                throw new IllegalStateException("subscription not found: " + subscriptionId);
            }
        }
    }

    private static String tenant(GatewayProcess g, List<String> rooms) {
        return given().baseUri(g.baseUrl()).auth().oauth2(GatewayProcess.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "reliability-" + NAME, "channels", rooms)).post("/v1/tenants")
                .then().statusCode(201).extract().jsonPath().getString("api_key");
    }

    private static io.restassured.path.json.JsonPath subscribe(GatewayProcess g, String key, String url,
            List<String> rooms) {
        return given().baseUri(g.baseUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                .body(Map.of("url", url, "event_types", List.of("chat.message"), "channels", rooms))
                .post("/v1/subscriptions").then().statusCode(201).extract().jsonPath();
    }
}
