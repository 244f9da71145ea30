package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Latencies;
import io.hookgate.support.Receiver;
import io.hookgate.support.TestDns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** One tenant's many hanging URLs take at most its share of the global in-flight budget, never the rest. */
@QuarkusTest
@TestProfile(TightCaps.class)
class TenantShareTest {

    private static final int HANGING_URLS = 40;
    private static final int SAMPLES = 40;

    @Test
    void tenantWithFortyHangingUrlsDoesNotDelayAnotherTenantsDeliveries() throws Exception {
        String healthyRoom = ChatEvents.channel();
        String hangingRoom = ChatEvents.channel();
        Api.Tenant healthyTenant = Api.tenant(healthyRoom);
        Api.Tenant hangingTenant = Api.tenant(hangingRoom);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Receiver healthy = Receiver.ok(); Receiver hanging = Receiver.start(n -> Receiver.hang());
                KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.subscribe(healthyTenant, healthy.url("/ok"), List.of("chat.message"), null, null);
            // distinct host names, so that neither the endpoint nor the host cap is what limits them
            for (int i = 0; i < HANGING_URLS; i++) {
                String host = "hang" + i + "-" + run + ".test";
                TestDns.FAKE.map(host, "127.0.0.1");
                Api.subscribe(hangingTenant, "http://" + host + ":" + hanging.port() + "/hook",
                        List.of("chat.message"), null, null);
            }
            List<Duration> baseline = Latencies.measure(producer, healthy, "/ok", healthyRoom, 0, SAMPLES);

            for (int i = 0; i < 10; i++) {
                Kafka.send(producer, "chat.events", hangingRoom, ChatEvents.text(hangingRoom, i, "hang"));
            }
            // the hanging tenant holds its whole share before the healthy tenant is measured again
            await().atMost(Duration.ofSeconds(20)).until(() -> hanging.requests().size() >= TightCaps.PER_TENANT);
            List<Duration> underLoad = Latencies.measure(producer, healthy, "/ok", healthyRoom, SAMPLES, SAMPLES);

            assertThat(Latencies.p99(underLoad)).as("healthy p99 (baseline p99 %s; samples in ms %s)",
                    Latencies.p99(baseline), underLoad.stream().map(Duration::toMillis).toList())
                    .isLessThanOrEqualTo(Latencies.p99(baseline).multipliedBy(3).plusMillis(200));
            assertThat(hanging.maxHanging()).as("hanging tenant's requests in flight at once")
                    .isLessThanOrEqualTo(TightCaps.PER_TENANT);
        }
    }
}
