package io.hookgate.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.pull.trim.PullTrimmer;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PullStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PullTrimmer trimmer;

    @Test
    void lastEventIdResumesAfterADisconnectWithoutLossOrRepeat() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        String path = "/v1/subscriptions/" + sub.id() + "/stream";
        PullApi.produce(room, 1, 5);
        List<String> seen = new ArrayList<>();
        String last;
        try (SseClient stream = SseClient.open(tenant.apiKey(), path, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            List<SseClient.Event> first = stream.take(5, Duration.ofSeconds(30));
            for (SseClient.Event e : first) {
                Map<String, Object> message = message(e);
                PullApi.verify(sub.secret(), message);
                assertThat(e.id()).isEqualTo(message.get("cursor"));
                seen.add(PullApi.text(message));
            }
            last = first.get(4).id();
            // a live event reaches an open stream too
            PullApi.produce(room, 6, 6);
            SseClient.Event live = stream.take(1, Duration.ofSeconds(30)).get(0);
            seen.add(PullApi.text(message(live)));
            last = live.id();
        }
        PullApi.produce(room, 7, 9);
        try (SseClient resumed = SseClient.open(tenant.apiKey(), path, last)) {
            for (SseClient.Event e : resumed.take(3, Duration.ofSeconds(30))) {
                seen.add(PullApi.text(message(e)));
            }
        }
        assertThat(seen).containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
    }

    @Test
    void aStreamResumingBeforeRetentionGetsARefreshEventThenTheOldestRetainedMessage() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), Map.of("max_messages", 10));
        PullApi.produce(room, 1, 5);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                PullApi.read(tenant, sub.id(), Map.of()).getList("data").size() == 5);
        String fifth = PullApi.read(tenant, sub.id(), Map.of()).getString("data[4].cursor");
        PullApi.produce(room, 6, 25);
        await().atMost(Duration.ofSeconds(30)).until(() -> PullApi.read(tenant, sub.id(), Map.of("limit", 500))
                .getString("data[-1].body").contains("\"m25\""));
        PullApi.trimUntil(trimmer, () -> PullApi.read(tenant, sub.id(), Map.of("limit", 500))
                .getList("data").size() == 10);

        try (SseClient stream = SseClient.open(tenant.apiKey(), "/v1/subscriptions/" + sub.id() + "/stream", fifth)) {
            List<SseClient.Event> events = stream.take(2, Duration.ofSeconds(30));
            assertThat(events.get(0).name()).isEqualTo("refresh");
            assertThat(JSON.readTree(events.get(0).data()).get("refresh").asBoolean()).isTrue();
            assertThat(events.get(1).name()).isNull();
            assertThat(PullApi.text(message(events.get(1)))).isEqualTo("m16");
        }
    }

    @Test
    void anOpenStreamSignsWithTheNewSecretSoonAfterARotation() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        try (SseClient stream = SseClient.open(tenant.apiKey(), "/v1/subscriptions/" + sub.id() + "/stream", null)) {
            PullApi.produce(room, 1, 1);
            PullApi.verify(sub.secret(), message(stream.take(1, Duration.ofSeconds(30)).get(0)));
            String rotated = io.restassured.RestAssured.given().auth().oauth2(tenant.apiKey())
                    .post("/v1/subscriptions/" + sub.id() + "/rotate-secret").then().statusCode(200)
                    .extract().jsonPath().getString("secret");
            int[] next = {2};
            // the stream re-reads its subscription within two heartbeats (4 s in tests) before it signs
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                PullApi.produce(room, next[0], next[0]);
                next[0]++;
                Map<String, Object> m = message(stream.take(1, Duration.ofSeconds(10)).get(0));
                assertThat((String) m.get("webhook_signature")).contains(" ");
                PullApi.verify(rotated, m);
                PullApi.verify(sub.secret(), m);
            });
        }
    }

    @Test
    void anIdleStreamSendsACommentHeartbeat() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        try (SseClient stream = SseClient.open(tenant.apiKey(), "/v1/subscriptions/" + sub.id() + "/stream", null)) {
            SseClient.Event first = java.util.concurrent.CompletableFuture.supplyAsync(stream::next)
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(first.comment()).isEqualTo("keep-alive");
            assertThat(first.data()).isNull();
            assertThat(first.id()).isNull();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> message(SseClient.Event e) throws Exception {
        return JSON.readValue(e.data(), Map.class);
    }
}
