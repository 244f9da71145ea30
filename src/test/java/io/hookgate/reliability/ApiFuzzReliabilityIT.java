package io.hookgate.reliability;

import io.hookgate.support.GatewayProcess;
import io.hookgate.support.Receiver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Scenario 9: thousands of generated requests against every endpoint; no 5xx, no leaked internals. */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class ApiFuzzReliabilityIT {

    static final int REQUESTS = Integer.getInteger("hookgate.reliability.fuzz.requests", 2500);
    static final long SEED = Long.getLong("hookgate.reliability.fuzz.seed", System.nanoTime());
    private static final List<String> LEAKS = List.of("Exception", "java.", "at io.", "com.fasterxml");
    private static final List<String> METHODS = List.of("GET", "POST", "PATCH", "DELETE", "PUT", "HEAD");
    private static final List<String> TEMPLATES = List.of("/v1/tenants", "/v1/tenants/{t}", "/v1/tenants/{t}/api-keys",
            "/v1/tenants/{t}/api-keys/{k}", "/v1/event-types", "/v1/subscriptions", "/v1/subscriptions/{s}",
            "/v1/subscriptions/{s}/rotate-secret", "/v1/subscriptions/{s}/ping", "/v1/subscriptions/{s}/deliveries",
            "/v1/subscriptions/{s}/recover", "/v1/deliveries/{d}", "/v1/deliveries/{d}/redeliver", "/v1/events",
            "/v1/subscriptions/{s}/nope", "/v1/{s}", "/v2/subscriptions");
    private static final List<String> QUERIES = List.of("", "", "", "?limit=-1", "?limit=0", "?limit=100000000000",
            "?limit=abc", "?cursor=garbage", "?cursor=%00", "?status=exploded", "?status=failed&limit=1",
            "?limit=1&limit=2", "?cursor=eyJ4IjoiJyJ9");

    /** Every documented route: method, path template, kind of body it takes. */
    private static final List<String[]> ROUTES = List.of(new String[] {"POST", "/v1/tenants", "tenant"},
            new String[] {"GET", "/v1/tenants", ""}, new String[] {"GET", "/v1/tenants/{t}", ""},
            new String[] {"PATCH", "/v1/tenants/{t}", "tenant"}, new String[] {"DELETE", "/v1/tenants/{t}", ""},
            new String[] {"POST", "/v1/tenants/{t}/api-keys", ""}, new String[] {"GET", "/v1/tenants/{t}/api-keys", ""},
            new String[] {"DELETE", "/v1/tenants/{t}/api-keys/{k}", ""}, new String[] {"GET", "/v1/event-types", ""},
            new String[] {"POST", "/v1/subscriptions", "subscription"}, new String[] {"GET", "/v1/subscriptions", ""},
            new String[] {"GET", "/v1/subscriptions/{s}", ""}, new String[] {"PATCH", "/v1/subscriptions/{s}", "patch"},
            new String[] {"DELETE", "/v1/subscriptions/{s}", ""},
            new String[] {"POST", "/v1/subscriptions/{s}/rotate-secret", ""},
            new String[] {"POST", "/v1/subscriptions/{s}/ping", ""},
            new String[] {"GET", "/v1/subscriptions/{s}/deliveries", ""},
            new String[] {"POST", "/v1/subscriptions/{s}/recover", "recover"},
            new String[] {"GET", "/v1/deliveries/{d}", ""}, new String[] {"POST", "/v1/deliveries/{d}/redeliver", ""},
            new String[] {"POST", "/v1/events", "event"});

    private static FuzzInputs.Body proper(String kind, String url, Random r) {
        String json = switch (kind) {
            case "tenant" -> "{\"name\":\"t-" + r.nextInt(1000) + "\",\"channels\":[\"room-a\"]}";
            case "subscription" -> "{\"url\":\"" + url + "\",\"event_types\":[\"chat.message\"],\"channels\":[\"room-a\"]}";
            case "patch" -> r.nextBoolean() ? "{\"description\":\"d" + r.nextInt(100) + "\"}"
                    : "{\"url\":\"" + url + "\",\"status\":\"active\"}";
            case "recover" -> "{\"since\":\"2020-01-01T00:00:00Z\"}";
            case "event" -> "{\"message_id\":" + r.nextInt(1000) + ",\"channel\":\"room-a\",\"timestamp\":"
                    + "\"2026-01-01T00:00:00Z\",\"message_type\":\"text\",\"message\":\"hi\"}";
            default -> null;
        };
        return json == null ? new FuzzInputs.Body(null, null, "none")
                : new FuzzInputs.Body("application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "proper");
    }

    @Test
    void generatedRequestsNeverGet5xxOrLeakInternals() throws Exception {
        System.out.println("reliability: api fuzz seed " + SEED + " (-Dhookgate.reliability.fuzz.seed=" + SEED + ")");
        Random random = new Random(SEED);
        try (Receiver receiver = Receiver.ok();
                GatewayProcess gw = new GatewayProcess("9-api-fuzz", env())) {
            gw.start();
            RawApi api = new RawApi(gw.baseUrl());
            Fixtures fx = Fixtures.create(api, receiver.url("/hook"));
            FuzzInputs inputs = new FuzzInputs(random, receiver.url("/hook"));
            Map<String, Integer> byClass = new TreeMap<>();
            Map<String, Integer> byTemplate = new TreeMap<>();
            Map<String, Integer> byStatus = new TreeMap<>();
            List<String> samples = new ArrayList<>();
            List<String> serverErrors = new ArrayList<>();
            List<String> badProblems = new ArrayList<>();
            List<String> transportErrors = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                // half the traffic hits a real route with a real key, so validation (not routing) is fuzzed
                boolean onRoute = random.nextBoolean();
                String[] spec = onRoute ? inputs.pick(ROUTES) : null;
                String template = onRoute ? spec[1] : inputs.pick(TEMPLATES);
                String method = onRoute ? spec[0] : inputs.pick(METHODS);
                String path = fx.fill(template, method, random) + inputs.pick(QUERIES);
                FuzzInputs.Body body = onRoute && random.nextBoolean() ? proper(spec[2], receiver.url("/hook"), random)
                        : inputs.next();
                String auth = onRoute ? (random.nextInt(4) == 0 ? "Bearer " + GatewayProcess.ADMIN_KEY
                        : "Bearer " + fx.tenantKey()) : fx.auth(random);
                RawApi.Answer a;
                try {
                    a = api.send(method, path, auth, body.contentType(), body.bytes());
                } catch (java.io.IOException e) {
                    // the server may close a connection while a refused oversized body is still being sent
                    transportErrors.add(method + " " + path + " [" + body.kind() + "] -> " + e);
                    continue;
                }
                byClass.merge(a.status() / 100 + "xx", 1, Integer::sum);
                byStatus.merge(Integer.toString(a.status()), 1, Integer::sum);
                byTemplate.merge(template, 1, Integer::sum);
                String what = method + " " + path + " [" + body.kind() + "] -> " + a.status() + " "
                        + a.contentType() + " " + a.body().substring(0, Math.min(200, a.body().length()));
                if (byStatus.get(Integer.toString(a.status())) <= 2) {
                    samples.add(what + " auth=" + (auth == null ? "none" : auth.substring(0, Math.min(12, auth.length()))));
                }
                if (a.status() >= 500) {
                    serverErrors.add(what);
                } else if (a.status() >= 400 && !"HEAD".equals(method) && !problemWithoutLeaks(a)) {
                    badProblems.add(what);
                }
            }
            Map<String, Object> notes = new LinkedHashMap<>();
            notes.put("seed", SEED);
            notes.put("requests", REQUESTS);
            notes.put("status_classes", byClass);
            notes.put("statuses", byStatus);
            notes.put("requests_per_endpoint", byTemplate);
            notes.put("samples_per_status", samples);
            notes.put("server_errors", serverErrors.size());
            notes.put("bad_problem_bodies", badProblems.size());
            notes.put("transport_errors", transportErrors.size());
            notes.put("transport_error_samples", transportErrors.stream().limit(5).toList());
            notes.put("server_error_samples", serverErrors.stream().limit(10).toList());
            notes.put("bad_problem_samples", badProblems.stream().distinct().limit(10).toList());
            Figures f = new Figures("9-api-fuzz", 0, 0, 0, 0, 0, 0, 0, 0, 0, notes);
            Verdict.record(f, soft -> {
                soft.assertThat(serverErrors).as("responses with status >= 500").isEmpty();
                soft.assertThat(badProblems).as("4xx without a clean problem+json body").isEmpty();
                soft.assertThat(byClass.getOrDefault("2xx", 0)).as("some requests succeed").isPositive();
                soft.assertThat(transportErrors.stream().filter(t -> !t.contains("[oversized]")))
                        .as("connections dropped on anything but an oversized body").isEmpty();
            });
        }
    }

    /** Garbage keys are a third of the traffic: with the default allowance of 20 they would test only 429s. */
    private static Map<String, String> env() {
        Map<String, String> env = new java.util.HashMap<>(Scenario.FAST);
        env.put("HOOKGATE_AUTH_FAILURE_BURST", "1000000");
        return env;
    }

    private static boolean problemWithoutLeaks(RawApi.Answer a) {
        return a.contentType().startsWith("application/problem+json") && LEAKS.stream().noneMatch(a.body()::contains);
    }

    /** Real ids (valid and foreign) and keys (admin, tenant, revoked) for the generator to mix with garbage. */
    record Fixtures(String tenantKey, String revokedKey, List<String> tenants, List<String> keys,
            List<String> subscriptions, List<String> deliveries, String spareTenant, String spareSubscription) {

        private static final List<String> GARBAGE = List.of("00000000-0000-0000-0000-000000000000",
                "not-a-uuid", "123", "-1", "99999999999999999999", "%00", "%2e%2e", "%F0%9F%98%80", "a%20b",
                "ffffffff-ffff-ffff-ffff-ffffffffffffx", "%E2%80%AE", "x".repeat(300));

        static Fixtures create(RawApi api, String url) throws Exception {
            String admin = GatewayProcess.ADMIN_KEY;
            var tenant = api.json("POST", "/v1/tenants", admin, "{\"name\":\"fuzz\",\"channels\":[\"room-a\",\"room-b\"]}").json();
            String tid = tenant.getString("id");
            var spare = api.json("POST", "/v1/tenants", admin, "{\"name\":\"spare\",\"channels\":[\"*\"]}").json();
            var extraKey = api.json("POST", "/v1/tenants/" + tid + "/api-keys", admin, null).json();
            api.json("DELETE", "/v1/tenants/" + tid + "/api-keys/" + extraKey.getString("id"), admin, null);
            String key = tenant.getString("api_key");
            var sub = api.json("POST", "/v1/subscriptions", key,
                    "{\"url\":\"" + url + "\",\"event_types\":[\"chat.message\"]}").json();
            String sid = sub.getString("id");
            var ping = api.json("POST", "/v1/subscriptions/" + sid + "/ping", key, null).json();
            String spareSub = api.json("POST", "/v1/subscriptions", key,
                    "{\"url\":\"" + url + "\",\"event_types\":[\"chat.message\"]}").json().getString("id");
            return new Fixtures(key, extraKey.getString("api_key"), List.of(tid, spare.getString("id")),
                    List.of(extraKey.getString("id"), key.split("_")[1]), List.of(sid),
                    List.of(ping.getString("delivery_id")), spare.getString("id"), spareSub);
        }

        /** Deleting the main tenant or subscription would turn the rest into 401/404s: DELETE hits spares. */
        String fill(String template, String method, Random r) {
            boolean delete = "DELETE".equals(method);
            String tenant = delete ? spareTenant : id(tenants, r);
            String sub = delete ? spareSubscription : id(subscriptions, r);
            return template.replace("{t}", tenant).replace("{k}", id(keys, r)).replace("{s}", sub)
                    .replace("{d}", id(deliveries, r));
        }

        private static String id(List<String> real, Random r) {
            return r.nextInt(3) > 0 ? real.get(r.nextInt(real.size())) : GARBAGE.get(r.nextInt(GARBAGE.size()));
        }

        String auth(Random r) {
            return switch (r.nextInt(8)) {
                case 0 -> "Bearer " + GatewayProcess.ADMIN_KEY;
                case 1, 2, 3 -> "Bearer " + tenantKey;
                case 4 -> "Bearer " + revokedKey;
                case 5 -> r.nextBoolean() ? "Bearer hg_garbage_" + r.nextInt() : "Basic YWRtaW46YWRtaW4=";
                case 6 -> r.nextBoolean() ? "Bearer " : "bearer a b " + tenantKey;
                default -> null;
            };
        }
    }
}
