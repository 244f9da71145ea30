package io.hookgate.reliability;

import static io.restassured.RestAssured.given;

import io.hookgate.support.GatewayProcess;
import io.hookgate.support.LoopbackDns;
import io.hookgate.support.Receiver;
import io.restassured.http.ContentType;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hostile endpoints of scenario 7 that are not one server each: a hanging URL on a healthy receiver's own
 * host and port, names whose DNS server never answers, and a second tenant with many hanging URLs on distinct
 * names. Every subscription here is registered, then its expected end state is known (see {@link #expected}).
 */
final class HostileGroups implements AutoCloseable {

    static final int BLACK_HOLED_NAMES = 10;
    static final int MANY_HANGING_URLS = 40;
    static final int MANY_EVENTS = 3;

    final LoopbackDns dns;
    final Receiver manyHanging;
    /** Subscription id → label and the status/last_error counts its deliveries must end with. */
    final Map<String, Expectation> expected = new LinkedHashMap<>();
    final List<String> manyIds = new ArrayList<>();

    record Expectation(String label, Map<String, Integer> statusError) {
    }

    HostileGroups() throws Exception {
        this.dns = new LoopbackDns();
        this.manyHanging = Receiver.start(n -> Receiver.hang());
    }

    /** Gateway settings that send its DNS to this run's server. */
    Map<String, String> env() {
        return Map.of("HOOKGATE_EGRESS_DNS_SERVERS", "127.0.0.1:" + dns.address().getPort());
    }

    /** A hanging path beside the healthy {@code /hook} of one healthy receiver: same host, same port. */
    void sameHostHang(GatewayProcess g, String key, Receiver healthy, String room) {
        healthy.route("/hang", n -> Receiver.hang());
        String id = subscribe(g, key, healthy.url("/hang"), room);
        expected.put(id, new Expectation("SAME_HOST_HANG",
                Map.of("failed/timeout", HostileEndpointsReliabilityIT.HOSTILE_EVENTS)));
    }

    /** Names registered on a reachable URL, then repointed to names the DNS server black-holes. */
    void blackHoledNames(GatewayProcess g, String key, Receiver unreached, String room) throws Exception {
        for (int i = 0; i < BLACK_HOLED_NAMES; i++) {
            String name = "bh" + i + ".blackhole.test";
            dns.blackHole(name);
            String id = subscribe(g, key, unreached.url("/hook"), room);
            repoint(g, id, "http://" + name + ":" + unreached.port() + "/hook");
            expected.put(id, new Expectation("BLACK_HOLED_DNS",
                    Map.of("failed/dns_failure", HostileEndpointsReliabilityIT.HOSTILE_EVENTS)));
        }
    }

    /** Another tenant's many hanging URLs, each on its own name (so its own host): only the tenant share holds them. */
    void manyHangingUrls(GatewayProcess g, String key, String room) throws Exception {
        for (int i = 0; i < MANY_HANGING_URLS; i++) {
            String name = "h" + i + ".many.test";
            dns.map(name, "127.0.0.1");
            String id = subscribe(g, key, "http://" + name + ":" + manyHanging.port() + "/hook", room);
            manyIds.add(id);
            expected.put(id, new Expectation("TENANT_MANY_HANGING", Map.of("failed/timeout", MANY_EVENTS)));
        }
    }

    static String subscribe(GatewayProcess g, String key, String url, String room) {
        return given().baseUri(g.baseUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                .body(Map.of("url", url, "event_types", List.of("chat.message"), "channels", List.of(room)))
                .post("/v1/subscriptions").then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** Points a registered subscription at another URL behind the API's back, as a changed DNS or cert would. */
    static void repoint(GatewayProcess g, String subscriptionId, String url) throws Exception {
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

    @Override
    public void close() throws Exception {
        dns.close();
        manyHanging.close();
    }
}
