package io.hookgate.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.ChatEvents;
import io.hookgate.support.GatewayProcess;
import io.hookgate.support.Receiver;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Kill -9 the packaged gateway mid-run, start it again: every expected delivery arrives. */
class DeliveryRestartIT {

    private static final int EVENTS = 1000;

    @Test
    void killedGatewayLosesNoDeliveryAfterRestart() throws Exception {
        Map<String, String> fast = Map.of("HOOKGATE_DELIVERY_TIMEOUT", "3s", "HOOKGATE_DELIVERY_LEASE", "8s");
        try (GatewayProcess gateway = new GatewayProcess("restart", fast); Receiver receiver = Receiver.ok()) {
            gateway.start();
            String room = ChatEvents.channel();
            String key = createTenant(gateway, room);
            given().baseUri(gateway.baseUrl()).auth().oauth2(key).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/hook"), "event_types", List.of("chat.message")))
                    .post("/v1/subscriptions").then().statusCode(201);

            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                for (int i = 0; i < EVENTS; i++) {
                    producer.send(new ProducerRecord<>(gateway.topic("HOOKGATE_TOPICS_EVENTS"), room.getBytes(),
                            ChatEvents.text(room, i, "m" + i)));
                }
                producer.flush();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests().size() >= EVENTS / 5);
            gateway.kill();
            int beforeRestart = receiver.requests().size();
            gateway.start();

            await().atMost(Duration.ofSeconds(120)).until(() -> uniqueIds(receiver).size() >= EVENTS);
            int duplicates = receiver.requests().size() - uniqueIds(receiver).size();
            System.out.printf("restart: %d delivered before the kill, %d unique of %d, %d duplicates%n",
                    beforeRestart, uniqueIds(receiver).size(), EVENTS, duplicates);
            assertThat(uniqueIds(receiver)).hasSize(EVENTS);
        }
    }

    private static Set<String> uniqueIds(Receiver receiver) {
        Set<String> ids = new HashSet<>();
        receiver.requests().forEach(r -> ids.add(r.header("webhook-id")));
        return ids;
    }

    static String createTenant(GatewayProcess gateway, String room) {
        return given().baseUri(gateway.baseUrl()).auth().oauth2(GatewayProcess.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "restart", "channels", List.of(room)))
                .post("/v1/tenants").then().statusCode(201).extract().path("api_key");
    }

    static KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
