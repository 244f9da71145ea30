package io.hookgate.reliability;

import io.hookgate.support.GatewayProcess;
import io.hookgate.support.Receiver;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Scenario 12: canary secrets and API keys never show up in logs, DLQs, operations, API responses or the database. */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class SecretHygieneReliabilityIT {

    static final String NAME = "12-secret-hygiene";
    static final int EVENTS = 5;
    private static final String ADMIN = GatewayProcess.ADMIN_KEY;

    @Test
    void plantedSecretsAppearNowhere() throws Exception {
        Map<String, String> env = new HashMap<>(Scenario.FAST);
        env.put("HOOKGATE_DELIVERY_RETRY_SCHEDULE", "1s");
        try (Receiver ok = Receiver.ok(); Receiver failing = Receiver.start(n -> Receiver.status(500));
                Receiver gone = Receiver.start(n -> Receiver.status(410));
                GatewayProcess gw = new GatewayProcess(NAME, env)) {
            gw.start();
            RawApi api = new RawApi(gw.baseUrl());
            Canaries canaries = new Canaries();
            List<String> afterBodies = new ArrayList<>();
            String marker = "CANARYRAW" + UUID.randomUUID().toString().replace("-", "");
            byte[] whsecKey = new byte[32];
            new SecureRandom().nextBytes(whsecKey);
            String whsec = "whsec_" + Base64.getEncoder().encodeToString(whsecKey);
            String raw = "raw-" + marker + "-shared";
            canaries.secret("supplied whsec", whsec);
            canaries.secret("supplied raw", raw);
            canaries.add("raw marker", marker);

            JsonObject tenant = api.json("POST", "/v1/tenants", ADMIN, "{\"name\":\"hygiene\",\"channels\":[\"c-1\"]}").json();
            String tenantId = tenant.getString("id");
            String key = tenant.getString("api_key");
            canaries.apiKey("tenant api key", key);
            String revoked = api.json("POST", "/v1/tenants/" + tenantId + "/api-keys", ADMIN, null).json().getString("api_key");
            canaries.apiKey("revoked api key", revoked);

            String sOk = create(api, key, ok.url("/ok"), "\"secret\":\"" + whsec + "\"", canaries, "ok");
            String sFail = create(api, key, failing.url("/fail"), "\"secret\":\"" + raw + "\",\"format\":\"eventyay\"",
                    canaries, "failing");
            String sGone = create(api, key, gone.url("/gone"), null, canaries, "gone");
            for (String s : List.of(sOk, sFail)) {
                JsonObject rotated = api.json("POST", "/v1/subscriptions/" + s + "/rotate-secret", key, null).json();
                canaries.secret("rotated " + s, rotated.getString("secret"));
            }
            afterBodies.add(api.json("DELETE", "/v1/tenants/" + tenantId + "/api-keys/" + revoked.split("_")[1], ADMIN, null).body());
            afterBodies.add(api.json("GET", "/v1/subscriptions", revoked, null).body());
            for (String s : List.of(sOk, sFail, sGone)) {
                afterBodies.add(api.json("POST", "/v1/subscriptions/" + s + "/ping", key, null).body());
            }
            for (int i = 0; i < EVENTS; i++) {
                afterBodies.add(api.json("POST", "/v1/events", key, "{\"message_id\":\"hyg-" + i + "\",\"channel\":\"c-1\","
                        + "\"timestamp\":\"2026-01-01T00:00:00Z\",\"message_type\":\"text\",\"message\":\"m\"}").body());
            }
            // the eventyay subscription's ping is a challenge handshake and stores no delivery: only the events fail
            long failed = awaitFailed(api, key, sFail, EVENTS, afterBodies);
            afterBodies.addAll(readEverything(api, key, tenantId, List.of(sOk, sFail, sGone)));

            Map<String, String> places = new LinkedHashMap<>();
            places.put("gateway log", Files.readString(logOf(gw)));
            places.put("webhook.deliveries.dlq", text(KafkaTools.drain(gw.topic("HOOKGATE_TOPICS_DELIVERIES_DLQ"),
                    ReliabilityReport.DIR.resolve(NAME + "-webhook.deliveries.dlq.jsonl"), Duration.ofSeconds(30))));
            places.put("chat.events.dlq", text(KafkaTools.drain(gw.topic("HOOKGATE_TOPICS_EVENTS_DLQ"),
                    ReliabilityReport.DIR.resolve(NAME + "-chat.events.dlq.jsonl"), Duration.ofSeconds(30))));
            places.put("hookgate.operations", text(KafkaTools.drain(gw.topic("HOOKGATE_TOPICS_OPERATIONS"),
                    ReliabilityReport.DIR.resolve(NAME + "-hookgate.operations.jsonl"), Duration.ofSeconds(30))));
            places.put("api responses after creation", String.join("\n", afterBodies));
            places.put("database dump", pgDump(gw.databaseEnv().get("QUARKUS_DATASOURCE_JDBC_URL")));

            Map<String, Object> hits = new LinkedHashMap<>();
            Map<String, Integer> sizes = new LinkedHashMap<>();
            List<String> hitList = new ArrayList<>();
            places.forEach((place, text) -> {
                List<String> found = canaries.foundIn(text);
                hits.put(place, found.size());
                sizes.put(place, text.length());
                found.forEach(c -> hitList.add(place + ": " + c));
            });
            Map<String, Object> notes = new LinkedHashMap<>();
            notes.put("canaries", canaries.count());
            notes.put("hits_per_place", hits);
            notes.put("chars_scanned_per_place", sizes);
            notes.put("api_responses_scanned", afterBodies.size());
            notes.put("failed_deliveries_500", failed);
            notes.put("hits", hitList);
            Figures f = new Figures(NAME, 0, 0, 0, 0, 0, 0, 0, 0, 0, notes);
            String dump = places.get("database dump");
            String dlq = places.get("webhook.deliveries.dlq");
            Verdict.record(f, soft -> {
                soft.assertThat(hitList).as("canary hits").isEmpty();
                soft.assertThat(failed).as("deliveries to the 500 receiver that exhausted").isGreaterThanOrEqualTo(EVENTS);
                // the scans must have looked at real data, or 0 hits would prove nothing
                soft.assertThat(dump).as("database dump holds the subscriptions").contains(sOk, sFail, sGone);
                soft.assertThat(dlq).as("webhook.deliveries.dlq holds the exhausted deliveries").contains(sFail);
                soft.assertThat(places.get("gateway log")).as("gateway log").isNotBlank();
            });
        }
    }

    private static String create(RawApi api, String key, String url, String extra, Canaries canaries, String label)
            throws Exception {
        String body = "{\"url\":\"" + url + "\",\"event_types\":[\"chat.message\"]" + (extra == null ? "" : "," + extra) + "}";
        RawApi.Answer a = api.json("POST", "/v1/subscriptions", key, body);
        if (a.status() != 201) {
            throw new IllegalStateException("creating " + label + " subscription: " + a);
        }
        canaries.secret("created " + label, a.json().getString("secret"));
        return a.json().getString("id");
    }

    /** Waits until the 500 receiver's deliveries have exhausted their retries (schedule 1s). */
    private static long awaitFailed(RawApi api, String key, String sub, int expected, List<String> bodies)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long failed = 0;
        while (System.nanoTime() < deadline) {
            RawApi.Answer a = api.json("GET", "/v1/subscriptions/" + sub + "/deliveries?status=failed&limit=100", key, null);
            bodies.add(a.body());
            failed = a.json().getJsonArray("data").size();
            if (failed >= expected) {
                break;
            }
            Thread.sleep(1000);
        }
        return failed;
    }

    /** Every read endpoint, every delivery with its attempts. */
    private static List<String> readEverything(RawApi api, String key, String tenant, List<String> subs) throws Exception {
        List<String> out = new ArrayList<>();
        out.add(api.json("GET", "/v1/tenants", ADMIN, null).body());
        out.add(api.json("GET", "/v1/tenants/" + tenant, ADMIN, null).body());
        out.add(api.json("GET", "/v1/tenants/" + tenant + "/api-keys", ADMIN, null).body());
        out.add(api.json("GET", "/v1/subscriptions?limit=100", key, null).body());
        out.add(api.json("GET", "/v1/subscriptions?limit=100&tenant_id=" + tenant, ADMIN, null).body());
        for (String s : subs) {
            out.add(api.json("GET", "/v1/subscriptions/" + s, key, null).body());
            out.add(api.json("PATCH", "/v1/subscriptions/" + s, key, "{\"description\":\"hygiene\"}").body());
            RawApi.Answer log = api.json("GET", "/v1/subscriptions/" + s + "/deliveries?limit=100", key, null);
            out.add(log.body());
            for (Object d : log.json().getJsonArray("data")) {
                String id = ((JsonObject) d).getString("id");
                out.add(api.json("GET", "/v1/deliveries/" + id, key, null).body());
            }
        }
        out.add(api.json("POST", "/v1/subscriptions/" + subs.get(1) + "/recover", key,
                "{\"since\":\"2020-01-01T00:00:00Z\"}").body());
        return out;
    }

    private static String text(List<ConsumerRecord<byte[], byte[]>> records) {
        StringBuilder sb = new StringBuilder();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            sb.append(r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8)).append('\t')
                    .append(new String(r.value(), StandardCharsets.UTF_8));
            r.headers().forEach(h -> sb.append('\t').append(h.key()).append('=')
                    .append(new String(h.value(), StandardCharsets.UTF_8)));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The log GatewayProcess writes: target/it-logs/<name>-<suffix>.log; this run's is the newest. */
    private static Path logOf(GatewayProcess gw) throws Exception {
        try (Stream<Path> logs = Files.list(Path.of("target", "it-logs"))) {
            return logs.filter(p -> p.getFileName().toString().startsWith(NAME + "-"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified())).orElseThrow();
        }
    }

    /** A plain-text pg_dump (data and schema) of the gateway's own database. */
    private static String pgDump(String jdbcUrl) throws Exception {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getenv("HOOKGATE_LOCAL_PG_BIN"), "pg_dump").toString(),
                "-h", "127.0.0.1", "-p", System.getenv("HOOKGATE_LOCAL_PG_PORT"), "-U",
                System.getenv("QUARKUS_DATASOURCE_USERNAME"), "-d", database, "--no-owner");
        pb.environment().put("PGPASSWORD", System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
        Path out = ReliabilityReport.DIR.resolve(NAME + "-pg_dump.sql");
        Files.createDirectories(out.getParent());
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
        Process p = pb.start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pg_dump failed: " + Files.readString(out));
        }
        return Files.readString(out);
    }

    /** Every form a planted secret could leak in: the text, its key bytes in hex and base64. */
    static final class Canaries {
        private final Map<String, String> forms = new LinkedHashMap<>();

        void add(String label, String value) {
            // a short canary matches by chance: that would be this test's bug, not a leak
            if (value.length() < 16) {
                throw new IllegalStateException("canary '" + label + "' is only " + value.length() + " characters");
            }
            forms.put(label, value);
        }

        void secret(String label, String secret) {
            add(label, secret);
            if (secret.startsWith("whsec_")) {
                String b64 = secret.substring("whsec_".length());
                add(label + " (base64 part)", b64);
                add(label + " (key hex)", HexFormat.of().formatHex(Base64.getDecoder().decode(b64)));
            } else {
                add(label + " (hex)", HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)));
                add(label + " (base64)", Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
            }
        }

        /**
         * hg_<id>_<secret>: the id is public, the secret part is the canary. It starts after the second underscore:
         * the secret is base64url and may hold one itself, and cutting at the last gave a canary of a few characters
         * that turned up everywhere by chance (a red CI run).
         */
        void apiKey(String label, String key) {
            add(label, key);
            add(label + " (secret part)", key.substring(key.indexOf('_', "hg_".length()) + 1));
        }

        int count() {
            return forms.size();
        }

        List<String> foundIn(String text) {
            return forms.entrySet().stream().filter(e -> text.contains(e.getValue())).map(Map.Entry::getKey).toList();
        }
    }
}
