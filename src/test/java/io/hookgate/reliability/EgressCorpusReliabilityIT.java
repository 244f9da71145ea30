package io.hookgate.reliability;

import static io.restassured.RestAssured.given;

import io.hookgate.support.ChatEvents;
import io.hookgate.support.GatewayProcess;
import io.hookgate.support.Receiver;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Scenario 11: SSRF vectors through POST /v1/subscriptions, and a delivery-time denial after the allow list
 * shrinks under an existing subscription. Only 127.0.0.2/32 is allowed; a canary listens on 127.0.0.1.
 */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class EgressCorpusReliabilityIT {

    static final String NAME = "11-egress-corpus";
    static final int EVENTS = 20;
    static final List<String> TOPIC_KEYS = List.of("HOOKGATE_TOPICS_EVENTS", "HOOKGATE_TOPICS_EVENTS_DLQ",
            "HOOKGATE_TOPICS_DELIVERIES_DLQ", "HOOKGATE_TOPICS_OPERATIONS", "HOOKGATE_INTAKE_GROUP_ID");

    @Test
    void everyVectorIsRejectedAndDeliveryTimeChecksDenyAShrunkAllowList() throws Exception {
        Map<String, String> env = new HashMap<>(Scenario.FAST);
        env.put("HOOKGATE_DELIVERY_RETRY_SCHEDULE", "1s,1s");
        env.put("HOOKGATE_EGRESS_ALLOW_CIDRS", "127.0.0.2/32");
        String room = ChatEvents.channel();
        try (Receiver canary = Receiver.ok(); Receiver allowed = Receiver.start("127.0.0.2", 0, n -> Receiver.status(204));
                KafkaProducer<byte[], byte[]> producer = KafkaTools.producer()) {
            GatewayProcess gateway = new GatewayProcess(NAME, env);
            Map<String, Object> notes = new TreeMap<>();
            String key;
            String subscriptionId;
            List<String> accepted = new ArrayList<>();
            Map<String, Integer> byOutcome = new TreeMap<>();
            int vectors;
            try (gateway) {
                gateway.start();
                key = tenant(gateway, room);
                List<String> corpus = EgressVectors.all(canary.port(), allowed.port());
                vectors = corpus.size();
                for (String url : corpus) {
                    Response r = subscribe(gateway, key, url, room);
                    String type = r.contentType().contains("json") ? String.valueOf(r.jsonPath().getString("type")) : "";
                    byOutcome.merge(r.statusCode() + " " + type.substring(type.lastIndexOf('/') + 1), 1, Integer::sum);
                    if (r.statusCode() != 422) {
                        accepted.add(r.statusCode() + " " + url);
                    }
                }
                Response control = subscribe(gateway, key, "http://127.0.0.2:" + allowed.port() + "/hook", room);
                notes.put("control_allowed_subscription_status", control.statusCode());
                subscriptionId = control.jsonPath().getString("id");
                gateway.stop();
            }
            int canaryAfterApi = canary.connections();
            int allowedBefore = allowed.connections();
            // same database and topics, allow list no longer covering 127.0.0.2
            Map<String, String> shrunk = new HashMap<>(env);
            shrunk.putAll(gateway.databaseEnv());
            TOPIC_KEYS.forEach(k -> shrunk.put(k, gateway.topic(k)));
            shrunk.put("HOOKGATE_EGRESS_ALLOW_CIDRS", "127.0.0.3/32");
            List<Map<String, Object>> deliveries;
            try (GatewayProcess restarted = new GatewayProcess(NAME + "-shrunk", shrunk)) {
                restarted.start();
                for (int i = 0; i < EVENTS; i++) {
                    producer.send(new ProducerRecord<>(restarted.topic("HOOKGATE_TOPICS_EVENTS"), room.getBytes(),
                            ChatEvents.text(room, "egress-" + i, "m" + i)));
                }
                producer.flush();
                deliveries = awaitAllFailed(restarted, key, subscriptionId, Duration.ofSeconds(90));
            }
            List<ConsumerRecord<byte[], byte[]>> dlq = KafkaTools.drain(gateway.topic("HOOKGATE_TOPICS_DELIVERIES_DLQ"),
                    ReliabilityReport.DIR.resolve(NAME + "-webhook.deliveries.dlq.jsonl"), Duration.ofSeconds(60));
            Map<String, Integer> dlqErrors = new TreeMap<>();
            dlq.forEach(r -> dlqErrors.merge(String.valueOf(new JsonObject(new String(r.value())).getString("last_error")),
                    1, Integer::sum));
            Map<String, Integer> apiErrors = new TreeMap<>();
            deliveries.forEach(d -> apiErrors.merge(d.get("status") + "/" + d.get("last_error"), 1, Integer::sum));
            long rejected = vectors - accepted.size();
            notes.put("vectors", vectors);
            notes.put("rejected", rejected);
            notes.put("rejected_percent", Math.round(1000.0 * rejected / vectors) / 10.0);
            notes.put("outcomes", byOutcome);
            notes.put("not_rejected", accepted);
            notes.put("canary_connections", canary.connections());
            notes.put("delivery_time_events", EVENTS);
            notes.put("delivery_time_deliveries_by_status_error", apiErrors);
            notes.put("delivery_time_dlq_by_last_error", dlqErrors);
            notes.put("allowed_receiver_connections_after_shrink", allowed.connections() - allowedBefore);
            notes.put("allowed_receiver_requests", allowed.requests().size());
            long egressDead = dlqErrors.getOrDefault("egress_denied", 0);
            Figures f = new Figures(NAME, EVENTS, allowed.requests().size(), allowed.requests().size(), egressDead,
                    0, allowed.requests().size(), 0, 0, 0, new java.util.LinkedHashMap<>(notes));
            int canaryTotal = canary.connections();
            Verdict.record(f, soft -> {
                soft.assertThat(accepted).as("vectors not rejected with 422").isEmpty();
                soft.assertThat(canaryTotal).as("canary connections").isZero();
                soft.assertThat(canaryAfterApi).as("canary connections after the API part").isZero();
                soft.assertThat(notes.get("control_allowed_subscription_status")).as("allowed control").isEqualTo(201);
                soft.assertThat(apiErrors).as("delivery-time outcomes").isEqualTo(Map.of("failed/egress_denied", EVENTS));
                soft.assertThat(dlqErrors).as("DLQ last_error").isEqualTo(Map.of("egress_denied", EVENTS));
                soft.assertThat(allowed.connections() - allowedBefore).as("receiver connections after shrink").isZero();
            });
        }
    }

    private static String tenant(GatewayProcess g, String room) {
        return given().baseUri(g.baseUrl()).auth().oauth2(GatewayProcess.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "reliability-" + NAME, "channels", List.of(room))).post("/v1/tenants")
                .then().statusCode(201).extract().jsonPath().getString("api_key");
    }

    private static Response subscribe(GatewayProcess g, String key, String url, String room) {
        return given().baseUri(g.baseUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                .body(Map.of("url", url, "event_types", List.of("chat.message"), "channels", List.of(room)))
                .post("/v1/subscriptions");
    }

    /** Polls the subscription's deliveries until EVENTS of them exist and none is pending any more. */
    static List<Map<String, Object>> awaitAllFailed(GatewayProcess g, String key, String subscriptionId,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Map<String, Object>> data = List.of();
        while (System.nanoTime() < deadline) {
            data = given().baseUri(g.baseUrl()).auth().oauth2(key).queryParam("limit", 100)
                    .get("/v1/subscriptions/" + subscriptionId + "/deliveries").then().statusCode(200).extract()
                    .jsonPath().getList("data");
            if (data.size() >= EVENTS && data.stream().noneMatch(d -> "pending".equals(d.get("status")))) {
                return data;
            }
            Thread.sleep(500);
        }
        return data;
    }
}
