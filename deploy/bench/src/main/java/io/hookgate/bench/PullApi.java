package io.hookgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pull subscriptions as a client uses them (SPEC 11): create one, read a page (optionally long-polling). */
final class PullApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    PullApi(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    String apiKey() {
        return apiKey;
    }

    /** Creates {@code count} pull subscriptions on these channels; returns their ids. */
    List<String> create(int count, List<String> channels) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        byte[] body = JSON.writeValueAsBytes(Map.of("mode", "pull", "event_types", List.of("chat.message"),
                "channels", channels));
        for (int i = 0; i < count; i++) {
            HttpResponse<String> r = http.send(request("/v1/subscriptions", Duration.ofSeconds(30))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("creating a pull subscription answered " + r.statusCode() + ": "
                        + r.body());
            }
            ids.add(JSON.readTree(r.body()).path("id").asText());
        }
        return ids;
    }

    /** One page: {@code data}, {@code next_cursor}, {@code refresh}. */
    JsonNode read(String subscription, String after, int limit, int waitSeconds) throws IOException, InterruptedException {
        String query = "?limit=" + limit + "&wait=" + waitSeconds
                + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(request("/v1/subscriptions/" + subscription + "/messages" + query,
                Duration.ofSeconds(waitSeconds + 30L)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("reading pull messages answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("authorization", "Bearer " + apiKey)
                .timeout(timeout);
    }
}
