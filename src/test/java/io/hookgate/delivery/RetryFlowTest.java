package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** Outcome handling against real receivers, with the %test schedule of 1s,2s (three attempts in all). */
@QuarkusTest
class RetryFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void receiverFailingTwiceGetsThreeAttemptsWithTheSameWebhookIdSpacedPerSchedule() throws Exception {
        try (Receiver flaky = Receiver.start(n -> Receiver.status(n <= 2 ? 500 : 204))) {
            deliverOne(flaky);
            await().atMost(Duration.ofSeconds(20)).until(() -> flaky.requests().size() >= 3);
            List<Receiver.Request> attempts = flaky.requests();
            assertThat(attempts).extracting(r -> r.header("webhook-id")).containsOnly(attempts.get(0).header("webhook-id"));
            assertThat(gap(attempts, 0)).isBetween(Duration.ofMillis(700), Duration.ofMillis(2500));
            assertThat(gap(attempts, 1)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(4000));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> flaky.requests().size() == 3);
        }
    }

    @Test
    void receiverThatAlwaysFailsEndsFailedAndTheDeadLetterSaysWhy() throws Exception {
        try (Receiver broken = Receiver.start(n -> Receiver.status(500))) {
            Delivered d = deliverOne(broken);
            await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(status(d)));
            List<ConsumerRecord<byte[], byte[]>> dlq = Kafka.readUntil("webhook.deliveries.dlq",
                    read -> read.stream().anyMatch(r -> d.subscription().id().equals(new String(r.key()))),
                    Duration.ofSeconds(30));
            JsonNode letter = JSON.readTree(dlq.stream()
                    .filter(r -> d.subscription().id().equals(new String(r.key()))).findFirst().orElseThrow().value());
            assertThat(letter.get("attempts").asInt()).isEqualTo(3);
            assertThat(letter.get("last_status_code").asInt()).isEqualTo(500);
            assertThat(letter.get("last_error").asText()).isEqualTo("status_500");
            assertThat(letter.get("tenant_id").asText()).isEqualTo(d.tenant().id());
            assertThat(letter.get("payload").asText()).isEqualTo(broken.requests().get(0).bodyText());
            assertThat(letter.toString()).doesNotContain(d.subscription().secret());
        }
    }

    @Test
    void goneDisablesTheSubscriptionAtOnce() throws Exception {
        try (Receiver gone = Receiver.start(n -> Receiver.status(410))) {
            Delivered d = deliverOne(gone);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    "disabled".equals(Api.subscription(d.tenant(), d.subscription().id()).getString("status")));
            assertThat(gone.requests()).hasSize(1);
            assertThat(status(d)).isEqualTo("failed");
            List<ConsumerRecord<byte[], byte[]>> ops = Kafka.readUntil("hookgate.operations",
                    read -> read.stream().anyMatch(r -> isDisabledEvent(r, d)), Duration.ofSeconds(20));
            assertThat(ops).anyMatch(r -> isDisabledEvent(r, d));
        }
    }

    @Test
    void redirectIsAFailureAndItsTargetIsNeverContacted() throws Exception {
        try (Receiver canary = Receiver.ok();
                Receiver redirecting = Receiver.start(n -> Receiver.status(302, Map.of("location", "http://127.0.0.1:1/")))) {
            redirecting.behave(n -> Receiver.status(302, Map.of("location", canary.url("/stolen"))));
            Delivered d = deliverOne(redirecting);
            await().atMost(Duration.ofSeconds(20)).until(() -> redirecting.requests().size() >= 2);
            assertThat(canary.requests()).isEmpty();
            assertThat(Api.delivery(d.tenant(), deliveryId(d)).getInt("attempts[0].status_code")).isEqualTo(302);
        }
    }

    @Test
    void retryAfterIsClampedToTwiceTheScheduledDelay() throws Exception {
        try (Receiver busy = Receiver.start(n -> n == 1
                ? Receiver.status(429, Map.of("retry-after", "100")) : Receiver.status(204))) {
            deliverOne(busy);
            await().atMost(Duration.ofSeconds(20)).until(() -> busy.requests().size() >= 2);
            // schedule slot 1 is 1s: Retry-After 100 is clamped to 2s, far below 100s
            assertThat(gap(busy.requests(), 0)).isBetween(Duration.ofMillis(1900), Duration.ofMillis(4500));
        }
    }

    private record Delivered(Api.Tenant tenant, Api.Subscription subscription) {
    }

    private static Delivered deliverOne(Receiver receiver) throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null);
        try (KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 1, "hi"));
        }
        return new Delivered(tenant, sub);
    }

    private static String deliveryId(Delivered d) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !Api.deliveries(d.tenant(), d.subscription().id()).isEmpty());
        return (String) Api.deliveries(d.tenant(), d.subscription().id()).get(0).get("id");
    }

    private static String status(Delivered d) {
        List<Map<String, Object>> list = Api.deliveries(d.tenant(), d.subscription().id());
        return list.isEmpty() ? null : (String) list.get(0).get("status");
    }

    private static boolean isDisabledEvent(ConsumerRecord<byte[], byte[]> r, Delivered d) {
        try {
            JsonNode op = JSON.readTree(r.value());
            return "subscription.disabled".equals(op.get("type").asText())
                    && d.subscription().id().equals(op.get("subscription_id").asText())
                    && "gone_410".equals(op.get("detail").asText());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static Duration gap(List<Receiver.Request> requests, int i) {
        return Duration.between(requests.get(i).arrivedAt(), requests.get(i + 1).arrivedAt());
    }
}
