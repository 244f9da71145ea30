package io.hookgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** The gateway's management API, as the benchmark uses it: tenants and subscriptions. */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public AdminApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Tenant(String id, String apiKey) {
    }

    public record Subscription(String id, String secret) {
    }

    /** A subscription to create: its URL and channels. */
    public record Spec(String url, List<String> channels) {
    }

    public Tenant createTenant(String adminKey, String name) throws IOException, InterruptedException {
        JsonNode body = post(adminKey, "/v1/tenants", Map.of("name", name, "channels", List.of("*")));
        return new Tenant(body.path("id").asText(), body.path("api_key").asText());
    }

    /** Creates the subscriptions with bounded concurrency, in order; fails on the first error. */
    public List<Subscription> createSubscriptions(String apiKey, List<Spec> specs, int concurrency)
            throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        List<CompletableFuture<Subscription>> futures = new ArrayList<>();
        for (Spec spec : specs) {
            permits.acquire();
            Map<String, Object> request = Map.of("url", spec.url(), "event_types", List.of("chat.message"),
                    "channels", spec.channels());
            futures.add(sendAsync(apiKey, "/v1/subscriptions", request)
                    .thenApply(node -> new Subscription(node.path("id").asText(), node.path("secret").asText()))
                    .whenComplete((ok, error) -> permits.release()));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    /** Deletes subscriptions with bounded concurrency; returns how many were deleted. */
    public int deleteSubscriptions(String apiKey, List<Subscription> subscriptions, int concurrency)
            throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            permits.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/subscriptions/" + subscription.id()))
                    .header("authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(5)).DELETE().build();
            futures.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(response -> response.statusCode() == 204 ? 1 : 0)
                    .exceptionally(error -> 0)
                    .whenComplete((ok, error) -> permits.release()));
        }
        return futures.stream().mapToInt(CompletableFuture::join).sum();
    }

    private JsonNode post(String key, String path, Object body) throws IOException, InterruptedException {
        return sendAsync(key, path, body).join();
    }

    private CompletableFuture<JsonNode> sendAsync(String key, String path, Object body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("authorization", "Bearer " + key).header("content-type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                        + abbreviate(response.body()));
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException("POST " + path + " returned invalid JSON", e);
            }
        });
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
