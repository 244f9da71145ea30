package io.hookgate.reliability;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Scenario 14, operational events through a broker outage (issue 12, item 6): a subscription is disabled while the
 * broker is down, and the gateway is then killed before the broker returns, so nothing held in memory survives. Its
 * subscription.disabled, the owner's only notice, must still reach hookgate.operations once the broker is back.
 */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class OperationalEventsReliabilityIT {

    @Test
    void anOperationalEventDuringABrokerOutageArrivesAfterTheBrokerIsBack() throws Exception {
        // a row the killed gateway had claimed waits out its lease before another claim: the shortest one allowed
        try (Scenario s = Scenario.start("14-operations-broker-down", Map.of("HOOKGATE_OUTBOX_LEASE", "1m"), 1)) {
            s.produce(0, 100, 0);
            boolean before = s.ledger.awaitComplete(Duration.ofMinutes(1));
            String subscription = s.ledger.endpoints().get(0).subscriptionId();
            try {
                Faults.killKafka();
                given().baseUri(s.gateway.baseUrl()).auth().oauth2(s.tenantKey()).contentType(ContentType.JSON)
                        .body(Map.of("status", "disabled")).patch("/v1/subscriptions/" + subscription)
                        .then().statusCode(200);
                // a crash while the broker is away: whatever was held in memory is gone
                s.gateway.kill();
            } finally {
                Faults.restartKafka();
            }
            KafkaTools.awaitTopicLeaders(s.gateway.topic("HOOKGATE_TOPICS_OPERATIONS"), Duration.ofMinutes(5));
            long back = System.nanoTime();
            s.gateway.start();
            List<ConsumerRecord<byte[], byte[]>> ops = awaitDisabled(s, subscription, Duration.ofSeconds(150));
            long arrivedMillis = (System.nanoTime() - back) / 1_000_000;
            long disabled = ops.stream().filter(r -> isDisabled(r, subscription)).count();
            Figures f = s.ledger.figures(s.retriedAttemptsByError()).with("delivered_before_outage", before)
                    .with("subscription_disabled_events", disabled).with("ms_from_broker_back_to_event", arrivedMillis)
                    .with("operations_records", ops.size());
            Verdict.record(f, soft -> soft.assertThat(disabled)
                    .as("subscription.disabled events on hookgate.operations after the broker came back").isEqualTo(1));
        }
    }

    private static boolean isDisabled(ConsumerRecord<byte[], byte[]> r, String subscription) {
        JsonObject event = new JsonObject(new String(r.value()));
        return "subscription.disabled".equals(event.getString("type"))
                && subscription.equals(event.getString("subscription_id")) && "manual".equals(event.getString("detail"));
    }

    private static List<ConsumerRecord<byte[], byte[]>> awaitDisabled(Scenario s, String subscription, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<byte[], byte[]>> ops = List.of();
        while (System.nanoTime() < deadline) {
            ops = KafkaTools.drain(s.gateway.topic("HOOKGATE_TOPICS_OPERATIONS"),
                    ReliabilityReport.DIR.resolve(s.name + "-hookgate.operations.jsonl"), Duration.ofSeconds(10));
            if (ops.stream().anyMatch(r -> isDisabled(r, subscription))) {
                return ops;
            }
            Thread.sleep(500);
        }
        return ops;
    }

}
