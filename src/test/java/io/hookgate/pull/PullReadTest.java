package io.hookgate.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PullReadTest {

    private static final Pattern MESSAGE_ID = Pattern.compile("\"message_id\": ?(\\d+)");

    @Test
    void aPullSubscriptionReadsAThousandEventsInOrderOnceWithValidSignaturesInPagesOf100() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        List<byte[]> events = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            events.add(ChatEvents.text(room, i, "m" + i));
        }
        try (KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Kafka.sendBurst(producer, "chat.events", room, events);
        }

        List<Integer> seen = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        String after = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seen.size() < 1000 && System.nanoTime() < deadline) {
            Map<String, Object> query = new HashMap<>(Map.of("limit", 100, "wait", 5));
            if (after != null) {
                query.put("after", after);
            }
            var page = PullApi.read(tenant, sub.id(), query);
            List<Map<String, Object>> data = page.getList("data");
            assertThat(data.size()).isLessThanOrEqualTo(100);
            assertThat(page.getBoolean("refresh")).isFalse();
            for (Map<String, Object> m : data) {
                PullApi.verify(sub.secret(), m);
                assertThat(m.get("event_type")).isEqualTo("chat.message");
                Matcher id = MESSAGE_ID.matcher((String) m.get("body"));
                assertThat(id.find()).isTrue();
                seen.add(Integer.parseInt(id.group(1)));
                cursors.add((String) m.get("cursor"));
            }
            after = page.getString("next_cursor");
            if (!data.isEmpty()) {
                assertThat(after).isEqualTo(data.get(data.size() - 1).get("cursor"));
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            expected.add(i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(cursors).isSorted().doesNotHaveDuplicates();
        var tail = PullApi.read(tenant, sub.id(), Map.of("after", after));
        assertThat(tail.getList("data")).isEmpty();
        assertThat(tail.getString("next_cursor")).isEqualTo(after);
    }

    @Test
    void aReadWithoutAfterStartsAtTheOldestAndWebhookIdIsStableAcrossReads() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        try (KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 1, "one"));
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 2, "two"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                PullApi.read(tenant, sub.id(), Map.of()).getList("data").size() == 2);
        var first = PullApi.read(tenant, sub.id(), Map.of("limit", 1));
        var again = PullApi.read(tenant, sub.id(), Map.of("limit", 1));
        assertThat(first.getString("data[0].webhook_id")).startsWith("evt_")
                .isEqualTo(again.getString("data[0].webhook_id"));
        assertThat(first.getString("data[0].body")).contains("\"one\"");
        assertThat(Api.deliveries(tenant, sub.id())).isEmpty();
    }
}
