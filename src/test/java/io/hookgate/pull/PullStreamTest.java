package io.hookgate.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.pull.trim.PullTrimmer;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
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
        produce(room, 1, 5);
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
                seen.add(text(message));
            }
            last = first.get(4).id();
            // a live event reaches an open stream too
            produce(room, 6, 6);
            SseClient.Event live = stream.take(1, Duration.ofSeconds(30)).get(0);
            seen.add(text(message(live)));
            last = live.id();
        }
        produce(room, 7, 9);
        try (SseClient resumed = SseClient.open(tenant.apiKey(), path, last)) {
            for (SseClient.Event e : resumed.take(3, Duration.ofSeconds(30))) {
                seen.add(text(message(e)));
            }
        }
        assertThat(seen).containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
    }

    @Test
    void aStreamResumingBeforeRetentionGetsARefreshEventThenTheOldestRetainedMessage() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), Map.of("max_messages", 10));
        produce(room, 1, 5);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                PullApi.read(tenant, sub.id(), Map.of()).getList("data").size() == 5);
        String fifth = PullApi.read(tenant, sub.id(), Map.of()).getString("data[4].cursor");
        produce(room, 6, 25);
        await().atMost(Duration.ofSeconds(30)).until(() -> PullApi.read(tenant, sub.id(), Map.of("limit", 500))
                .getString("data[-1].body").contains("\"m25\""));
        trimmer.trim().await().atMost(Duration.ofSeconds(30));

        try (SseClient stream = SseClient.open(tenant.apiKey(), "/v1/subscriptions/" + sub.id() + "/stream", fifth)) {
            List<SseClient.Event> events = stream.take(2, Duration.ofSeconds(30));
            assertThat(events.get(0).name()).isEqualTo("refresh");
            assertThat(JSON.readTree(events.get(0).data()).get("refresh").asBoolean()).isTrue();
            assertThat(events.get(1).name()).isNull();
            assertThat(text(message(events.get(1)))).isEqualTo("m16");
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

    private static String text(Map<String, Object> message) {
        return ((String) message.get("body")).replaceAll(".*\"message\": \"(m\\d+)\".*", "$1");
    }

    private static void produce(String room, int from, int to) throws Exception {
        List<byte[]> events = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            events.add(ChatEvents.text(room, i, "m" + i));
        }
        try (KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Kafka.sendBurst(producer, "chat.events", room, events);
        }
    }
}
