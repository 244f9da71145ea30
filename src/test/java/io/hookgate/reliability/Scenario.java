package io.hookgate.reliability;

import static io.restassured.RestAssured.given;

import io.hookgate.support.ChatEvents;
import io.hookgate.support.GatewayProcess;
import io.hookgate.support.Receiver;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * One scenario's world: gateway process(es) with private topics, healthy receivers, one tenant with a few
 * rooms, a subscription per receiver, a producer and the ledger. Closing it stops everything it started.
 */
public final class Scenario implements AutoCloseable {

    /**
     * Fast leases and retries so crashed work comes back within seconds; a 10-s Kafka session instead of the
     * client's 45 s, so a killed instance's partitions move on without a 45-s stall per kill.
     */
    public static final Map<String, String> FAST = Map.of("HOOKGATE_DELIVERY_TIMEOUT", "3s",
            "HOOKGATE_DELIVERY_LEASE", "8s", "HOOKGATE_DELIVERY_RETRY_SCHEDULE", "1s,2s,5s,10s,20s",
            "HOOKGATE_DELIVERY_OVERLOAD_FLOOR", "1s", "MP_MESSAGING_INCOMING_CHAT_EVENTS_SESSION_TIMEOUT_MS", "10000");
    private static final int ROOMS = 4;

    public final String name;
    public final GatewayProcess gateway;
    public final List<GatewayProcess> extra = new ArrayList<>();
    public final List<Receiver> receivers = new ArrayList<>();
    public final KafkaProducer<byte[], byte[]> producer;
    public final Ledger ledger;
    private final Map<String, String> env;
    private String tenantId;
    private String tenantKey;

    private Scenario(String name, Map<String, String> overrides, int subscriptions) throws Exception {
        this.name = name;
        this.env = new HashMap<>(FAST);
        env.putAll(overrides);
        this.gateway = new GatewayProcess(name, env);
        this.producer = KafkaTools.producer();
        Ledger built = null;
        try {
            gateway.start();
            List<String> rooms = IntStream.range(0, ROOMS).mapToObj(i -> ChatEvents.channel()).toList();
            String key = tenant(rooms);
            List<Ledger.Endpoint> endpoints = new ArrayList<>();
            for (int i = 0; i < subscriptions; i++) {
                Receiver receiver = Receiver.ok();
                receivers.add(receiver);
                endpoints.add(subscribe(key, receiver, rooms));
            }
            built = new Ledger(name, endpoints, rooms);
        } finally {
            if (built == null) {
                close();
            }
        }
        this.ledger = built;
    }

    public static Scenario start(String name, Map<String, String> overrides, int subscriptions) throws Exception {
        return new Scenario(name, overrides, subscriptions);
    }

    /** Another instance in the same consumer group, on the same topics. */
    public GatewayProcess startPeer() throws Exception {
        Map<String, String> shared = new HashMap<>(env);
        for (String k : List.of("HOOKGATE_TOPICS_EVENTS", "HOOKGATE_TOPICS_EVENTS_DLQ", "HOOKGATE_TOPICS_DELIVERIES_DLQ",
                "HOOKGATE_TOPICS_OPERATIONS", "HOOKGATE_INTAKE_GROUP_ID")) {
            shared.put(k, gateway.topic(k));
        }
        // one delivery queue: a peer on its own database would consume events its index cannot match
        shared.putAll(gateway.databaseEnv());
        GatewayProcess peer = new GatewayProcess(name + "-peer", shared);
        extra.add(peer);
        peer.start();
        return peer;
    }

    /** The API key of the scenario's tenant. */
    public String tenantKey() {
        return tenantKey;
    }

    public String eventsTopic() {
        return gateway.topic("HOOKGATE_TOPICS_EVENTS");
    }

    public void produce(long from, long to, int ratePerSecond) throws InterruptedException {
        ledger.produce(producer, eventsTopic(), from, to, ratePerSecond);
    }

    /** Drains both DLQs to files; feeds webhook.deliveries.dlq to the ledger; returns chat.events.dlq size. */
    public int drainDlqs() throws Exception {
        Path dir = ReliabilityReport.DIR;
        ledger.deadLettered(KafkaTools.drain(gateway.topic("HOOKGATE_TOPICS_DELIVERIES_DLQ"),
                dir.resolve(name + "-webhook.deliveries.dlq.jsonl"), Duration.ofSeconds(60)));
        return KafkaTools.drain(gateway.topic("HOOKGATE_TOPICS_EVENTS_DLQ"), dir.resolve(name + "-chat.events.dlq.jsonl"),
                Duration.ofSeconds(60)).size();
    }

    /**
     * Attempts the gateway recorded as failed and then retried, by error: a request that reached the receiver
     * but was recorded as failed is one cause of duplicates; the other is a crash before anything was recorded.
     */
    public Map<String, Long> retriedAttemptsByError() {
        Map<String, Long> out = new java.util.TreeMap<>();
        String sql = "SELECT coalesce(a.error, a.status_code::text), count(*) FROM attempts a JOIN deliveries d"
                + " ON d.id = a.delivery_id WHERE d.tenant_id = ?::uuid AND a.n < d.attempts GROUP BY 1";
        // The gateway's own database (GatewayProcess.freshDatabase), not the cluster's default one.
        try (var db = java.sql.DriverManager.getConnection(gateway.databaseEnv().get("QUARKUS_DATASOURCE_JDBC_URL"),
                System.getenv("QUARKUS_DATASOURCE_USERNAME"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
                var st = db.prepareStatement(sql)) {
            st.setString(1, tenantId);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (java.sql.SQLException e) {
            out.put("query_failed: " + e.getMessage(), -1L);
        }
        return out;
    }

    public long lag() throws Exception {
        return KafkaTools.lag(gateway.topic("HOOKGATE_INTAKE_GROUP_ID"), eventsTopic());
    }

    private String tenant(List<String> rooms) {
        var body = given().baseUri(gateway.baseUrl()).auth().oauth2(GatewayProcess.ADMIN_KEY)
                .contentType(ContentType.JSON).body(Map.of("name", "reliability-" + name, "channels", rooms))
                .post("/v1/tenants").then().statusCode(201).extract().jsonPath();
        tenantId = body.getString("id");
        tenantKey = body.getString("api_key");
        return tenantKey;
    }

    private Ledger.Endpoint subscribe(String key, Receiver receiver, List<String> rooms) {
        var body = given().baseUri(gateway.baseUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/hook"), "event_types", List.of("chat.message"), "channels", rooms))
                .post("/v1/subscriptions").then().statusCode(201).extract().jsonPath();
        return new Ledger.Endpoint(receiver, body.getString("id"), body.getString("secret"));
    }

    @Override
    public void close() throws Exception {
        for (GatewayProcess g : extra) {
            quietly(g::close);
        }
        quietly(gateway::close);
        quietly(producer::close);
        for (Receiver r : receivers) {
            quietly(r::close);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            System.err.println("reliability: cleanup step failed: " + e);
        }
    }
}
