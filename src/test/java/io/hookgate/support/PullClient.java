package io.hookgate.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A pull-subscription client as an integrator writes one (SPEC 11), over plain HTTP against a real gateway. */
public final class PullClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MESSAGE_ID = Pattern.compile("\\\\?\"message_id\\\\?\"\\s*:\\s*\\\\?\"?(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final String apiKey;

    public PullClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** One pulled message as the API returns it. */
    public record Message(String cursor, String webhookId, String webhookTimestamp, String webhookSignature,
            String eventType, String body) {

        /** The chat message_id inside the signed body, or -1. */
        public long messageId() {
            Matcher m = MESSAGE_ID.matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        /** Throws if the official Standard Webhooks library rejects it, exactly as for a pushed request. */
        public void verify(String secret) throws Exception {
            new Webhook(secret).verify(body, Map.of("webhook-id", List.of(webhookId),
                    "webhook-timestamp", List.of(webhookTimestamp), "webhook-signature", List.of(webhookSignature)));
        }
    }

    /** One page of messages. */
    public record Page(List<Message> data, String nextCursor, boolean refresh) {
    }

    /** Creates a pull subscription on these channels; returns {id, secret}. */
    public String[] createSubscription(List<String> channels) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(Map.of("mode", "pull", "event_types", List.of("chat.message"),
                "channels", channels));
        HttpResponse<String> r = http.send(request("/v1/subscriptions", Duration.ofSeconds(30))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("create pull subscription: " + r.statusCode() + " " + r.body());
        }
        JsonNode node = JSON.readTree(r.body());
        return new String[] {node.path("id").asText(), node.path("secret").asText()};
    }

    /** GET …/messages with {@code after} (may be null), or {@code consumer=} when {@code consumer} is set. */
    public Page read(String subscription, String after, String consumer, int limit, int waitSeconds)
            throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("?limit=").append(limit).append("&wait=").append(waitSeconds);
        if (after != null) {
            query.append("&after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
        }
        if (consumer != null) {
            query.append("&consumer=").append(URLEncoder.encode(consumer, StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = http.send(request("/v1/subscriptions/" + subscription + "/messages" + query,
                Duration.ofSeconds(waitSeconds + 15L)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("read pull messages: " + r.statusCode() + " " + r.body());
        }
        JsonNode node = JSON.readTree(r.body());
        List<Message> data = new ArrayList<>();
        for (JsonNode m : node.path("data")) {
            data.add(new Message(m.path("cursor").asText(), m.path("webhook_id").asText(),
                    m.path("webhook_timestamp").asText(), m.path("webhook_signature").asText(),
                    m.path("event_type").asText(), m.path("body").asText()));
        }
        JsonNode next = node.path("next_cursor");
        return new Page(data, next.isNull() || next.isMissingNode() ? null : next.asText(),
                node.path("refresh").asBoolean(false));
    }

    /** PUT …/consumers/{name} {cursor}: commits a position. */
    public void commit(String subscription, String consumer, String cursor) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request("/v1/subscriptions/" + subscription + "/consumers/"
                + URLEncoder.encode(consumer, StandardCharsets.UTF_8), Duration.ofSeconds(15))
                .header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("cursor", cursor)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("commit: " + r.statusCode() + " " + r.body());
        }
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("authorization", "Bearer " + apiKey)
                .timeout(timeout);
    }
}
