package io.hookgate.pull;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.pull.trim.PullTrimmer;
import io.hookgate.support.Kafka;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;

/** The pull API as a client drives it, and message verification with the official Standard Webhooks library. */
final class PullApi {

    private PullApi() {
    }

    static Api.Subscription pull(Api.Tenant tenant, List<String> channels, Map<String, Object> retention) {
        Map<String, Object> request = new HashMap<>();
        request.put("mode", "pull");
        request.put("event_types", List.of("chat.message", "chat.reaction"));
        request.put("channels", channels);
        if (retention != null) {
            request.put("retention", retention);
        }
        JsonPath body = given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(request)
                .post("/v1/subscriptions").then().statusCode(201).extract().jsonPath();
        return new Api.Subscription(body.getString("id"), body.getString("secret"));
    }

    /** GET …/messages with these query parameters; expects 200. */
    static JsonPath read(Api.Tenant tenant, String subscriptionId, Map<String, ?> query) {
        return given().auth().oauth2(tenant.apiKey()).queryParams(query)
                .get("/v1/subscriptions/" + subscriptionId + "/messages").then().statusCode(200).extract().jsonPath();
    }

    /**
     * Opens {@code GET …/messages?wait=30&after=…} on a raw socket and leaves it waiting: closing the socket is how a
     * test hangs up (no HTTP client library lets a test drop one pending call at a chosen moment).
     */
    static Socket holdLongPoll(Api.Tenant tenant, String subscriptionId, String after) throws IOException {
        return hold(tenant, "/v1/subscriptions/" + subscriptionId + "/messages?wait=30&after=" + after);
    }

    /** Opens {@code GET …/stream?after=…} on a raw socket and leaves it open, as {@link #holdLongPoll} does. */
    static Socket holdStream(Api.Tenant tenant, String subscriptionId, String after) throws IOException {
        return hold(tenant, "/v1/subscriptions/" + subscriptionId + "/stream?after=" + after);
    }

    private static Socket hold(Api.Tenant tenant, String path) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("localhost", RestAssured.port), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + tenant.apiKey()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Throws if the official library rejects the message. */
    static void verify(String secret, Map<String, Object> message) throws Exception {
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of((String) message.get("webhook_id")),
                "webhook-timestamp", List.of((String) message.get("webhook_timestamp")),
                "webhook-signature", List.of((String) message.get("webhook_signature")));
        new Webhook(secret).verify((String) message.get("body"), headers);
    }

    static void commit(Api.Tenant tenant, String subscriptionId, String name, String cursor) {
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("cursor", cursor))
                .put("/v1/subscriptions/" + subscriptionId + "/consumers/" + name).then().statusCode(200);
    }

    /** Produces text events "m{from}" … "m{to}" to chat.events, keyed by the room, and waits for the broker. */
    static void produce(String room, int from, int to) throws Exception {
        List<byte[]> events = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            events.add(ChatEvents.text(room, i, "m" + i));
        }
        try (KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Kafka.sendBurst(producer, "chat.events", room, events);
        }
    }

    /** The "m{n}" text of a message produced by {@link #produce}. */
    static String text(Map<String, Object> message) {
        return ((String) message.get("body")).replaceAll(".*\"message\": \"(m\\d+)\".*", "$1");
    }

    /**
     * Trims until the limit holds: a trim() that finds a round already running (the background one, which may
     * have started before the newest messages were stored, or before a retention change) returns without trimming.
     */
    static void trimUntil(PullTrimmer trimmer, Callable<Boolean> limitHolds) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            trimmer.trim().await().atMost(Duration.ofSeconds(30));
            return limitHolds.call();
        });
    }
}
