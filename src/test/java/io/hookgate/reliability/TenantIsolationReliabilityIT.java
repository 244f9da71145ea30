package io.hookgate.reliability;

import static org.awaitility.Awaitility.await;

import io.hookgate.support.GatewayProcess;
import io.hookgate.support.Receiver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Scenario 10: tenant A's key tries every object id of tenant B on every endpoint that takes an id. */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class TenantIsolationReliabilityIT {

    static final int SUBSCRIPTIONS = 3;
    static final int EVENTS = 10;
    private static final String ADMIN = GatewayProcess.ADMIN_KEY;

    /** One probe: what A sent and what it should get. */
    record Probe(String method, String path, String body, int expected) {
    }

    @Test
    void tenantAGetsNotFoundForEveryObjectOfTenantB() throws Exception {
        try (Receiver receiverA = Receiver.ok(); Receiver receiverB = Receiver.ok();
                GatewayProcess gw = new GatewayProcess("10-tenant-isolation", Scenario.FAST)) {
            gw.start();
            RawApi api = new RawApi(gw.baseUrl());
            String keyA = api.json("POST", "/v1/tenants", ADMIN, "{\"name\":\"A\",\"channels\":[\"a-room\"]}")
                    .json().getString("api_key");
            JsonObject b = api.json("POST", "/v1/tenants", ADMIN, "{\"name\":\"B\",\"channels\":[\"b-1\",\"b-2\"]}").json();
            String tenantB = b.getString("id");
            String keyB = b.getString("api_key");
            String keyIdB = api.json("POST", "/v1/tenants/" + tenantB + "/api-keys", ADMIN, null).json().getString("id");
            List<String> subs = new ArrayList<>();
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                subs.add(api.json("POST", "/v1/subscriptions", keyB, "{\"url\":\"" + receiverB.url("/b" + i)
                        + "\",\"event_types\":[\"chat.message\"]}").json().getString("id"));
            }
            for (int i = 0; i < EVENTS; i++) {
                api.json("POST", "/v1/events", keyB, "{\"message_id\":\"iso-" + i + "\",\"channel\":\"b-" + (1 + i % 2)
                        + "\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"message_type\":\"text\",\"message\":\"hi\"}");
            }
            for (String s : subs) {
                api.json("POST", "/v1/subscriptions/" + s + "/ping", keyB, null);
            }
            List<String> deliveries = awaitDelivered(api, keyB, subs, EVENTS + 1);
            Map<String, String> before = snapshot(api, keyB, tenantB, subs, deliveries);
            int receivedBefore = receiverB.requests().size();

            List<Probe> probes = probes(tenantB, keyIdB, subs, deliveries, receiverA.url("/stolen"));
            Map<String, Integer> byStatus = new TreeMap<>();
            List<String> wrong = new ArrayList<>();
            for (Probe p : probes) {
                RawApi.Answer a = api.json(p.method(), p.path(), keyA, p.body());
                byStatus.merge(Integer.toString(a.status()), 1, Integer::sum);
                if (a.status() != p.expected()) {
                    wrong.add(p.method() + " " + p.path() + " -> " + a.status() + " (expected " + p.expected() + ")");
                }
            }
            // anything A managed to queue would have been sent within this quiet window
            int quiet = receiverB.requests().size();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> receiverB.requests().size() == quiet);
            Map<String, String> after = snapshot(api, keyB, tenantB, subs, deliveries);
            List<String> changed = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).toList();
            int receivedAfter = receiverB.requests().size();

            long objectProbes = probes.stream().filter(p -> p.expected() == 404).count();
            long objectOk = objectProbes - wrong.stream().filter(w -> w.endsWith("(expected 404)")).count();
            Map<String, Object> notes = new LinkedHashMap<>();
            notes.put("probes", probes.size());
            notes.put("object_probes", objectProbes);
            notes.put("object_probes_404", objectOk);
            notes.put("object_404_percent", objectProbes == 0 ? 0 : Math.round(1000.0 * objectOk / objectProbes) / 10.0);
            notes.put("admin_only_probes_403", probes.size() - objectProbes
                    - wrong.stream().filter(w -> w.endsWith("(expected 403)")).count());
            notes.put("b_objects", Map.of("subscriptions", subs.size(), "deliveries", deliveries.size(), "api_keys", 2));
            notes.put("statuses", byStatus);
            notes.put("unexpected", wrong.stream().limit(20).toList());
            notes.put("b_objects_changed", changed);
            notes.put("b_receiver_requests_during_sweep", receivedAfter - receivedBefore);
            Figures f = new Figures("10-tenant-isolation", 0, 0, 0, 0, 0, 0, 0, 0, 0, notes);
            Verdict.record(f, soft -> {
                soft.assertThat(wrong).as("probes with another status than expected").isEmpty();
                soft.assertThat(changed).as("B's objects changed by A").isEmpty();
                soft.assertThat(receivedAfter).as("requests B's receiver got during the sweep").isEqualTo(receivedBefore);
                soft.assertThat(receiverA.requests()).as("B's traffic at A's receiver").isEmpty();
            });
        }
    }

    private static List<Probe> probes(String tenant, String keyId, List<String> subs, List<String> deliveries,
            String stolenUrl) {
        List<Probe> out = new ArrayList<>();
        for (String s : subs) {
            String p = "/v1/subscriptions/" + s;
            out.add(new Probe("GET", p, null, 404));
            out.add(new Probe("PATCH", p, "{\"description\":\"taken by A\"}", 404));
            out.add(new Probe("PATCH", p, "{\"url\":\"" + stolenUrl + "\"}", 404));
            out.add(new Probe("PATCH", p, "{\"status\":\"disabled\"}", 404));
            out.add(new Probe("POST", p + "/rotate-secret", null, 404));
            out.add(new Probe("POST", p + "/ping", null, 404));
            out.add(new Probe("GET", p + "/deliveries", null, 404));
            out.add(new Probe("GET", p + "/deliveries?status=delivered&limit=1", null, 404));
            out.add(new Probe("POST", p + "/recover", "{\"since\":\"2020-01-01T00:00:00Z\"}", 404));
            out.add(new Probe("DELETE", p, null, 404));
        }
        for (String d : deliveries) {
            out.add(new Probe("GET", "/v1/deliveries/" + d, null, 404));
            out.add(new Probe("POST", "/v1/deliveries/" + d + "/redeliver", null, 404));
        }
        String t = "/v1/tenants/" + tenant;
        out.add(new Probe("GET", "/v1/tenants", null, 403));
        out.add(new Probe("GET", t, null, 403));
        out.add(new Probe("PATCH", t, "{\"channels\":[\"*\"]}", 403));
        out.add(new Probe("DELETE", t, null, 403));
        out.add(new Probe("GET", t + "/api-keys", null, 403));
        out.add(new Probe("POST", t + "/api-keys", null, 403));
        out.add(new Probe("DELETE", t + "/api-keys/" + keyId, null, 403));
        // self-service keys: another tenant's key id does not exist for the caller
        out.add(new Probe("DELETE", "/v1/api-keys/" + keyId, null, 404));
        return out;
    }

    /** Waits until every subscription has its deliveries, all delivered, and returns their ids. */
    private static List<String> awaitDelivered(RawApi api, String key, List<String> subs, int perSub) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            List<String> ids = new ArrayList<>();
            boolean done = true;
            for (String s : subs) {
                JsonArray data = api.json("GET", "/v1/subscriptions/" + s + "/deliveries?limit=100", key, null)
                        .json().getJsonArray("data");
                done &= data.size() >= perSub && data.stream().allMatch(o -> "delivered".equals(((JsonObject) o).getString("status")));
                data.forEach(o -> ids.add(((JsonObject) o).getString("id")));
            }
            if (done || System.nanoTime() > deadline) {
                return ids;
            }
            Thread.sleep(500);
        }
    }

    /** B's view (and the admin's) of every B object, as text, to compare before and after the sweep. */
    private static Map<String, String> snapshot(RawApi api, String keyB, String tenant, List<String> subs,
            List<String> deliveries) throws Exception {
        Map<String, String> out = new TreeMap<>();
        out.put("tenant", api.json("GET", "/v1/tenants/" + tenant, ADMIN, null).body());
        out.put("api-keys", api.json("GET", "/v1/tenants/" + tenant + "/api-keys", ADMIN, null).body());
        out.put("subscriptions", api.json("GET", "/v1/subscriptions?limit=100", keyB, null).body());
        for (String s : subs) {
            out.put("sub " + s, api.json("GET", "/v1/subscriptions/" + s, keyB, null).body());
            out.put("log " + s, api.json("GET", "/v1/subscriptions/" + s + "/deliveries?limit=100", keyB, null).body());
        }
        for (String d : deliveries) {
            out.put("delivery " + d, api.json("GET", "/v1/deliveries/" + d, keyB, null).body());
        }
        return out;
    }
}
