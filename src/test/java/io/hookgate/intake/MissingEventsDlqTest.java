package io.hookgate.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.http.ContentType;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A chat.events.dlq that does not exist yet (issue 12, item 5): publishing a poison record to it fails, and the
 * consumer must wait for it and carry on once it exists, losing nothing. The batch admitted after the stuck one is
 * stored meanwhile, pull messages included (their order waits only for earlier stores, never for a dead letter). The broker of the tests, like a
 * production one, does not create topics on first use, and create-on-start is off in this profile.
 */
@QuarkusTest
@TestProfile(MissingEventsDlqTest.LateDlq.class)
class MissingEventsDlqTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void theConsumerWaitsForAMissingDlqTopicWithoutHoldingLaterPullMessagesAndCarriesOnOnceItExists()
            throws Exception {
        String events = config("hookgate.topics.events");
        String dlq = config("hookgate.topics.events-dlq");
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), List.of(room), null);
            String pull = pullSubscription(tenant, room);

            Kafka.send(producer, events, room, ChatEvents.text(room, "before", "before the poison"));
            Kafka.send(producer, events, room, "{\"not\": \"an event\"}".getBytes(StandardCharsets.UTF_8));
            // the gateway reports the wait: its intake cannot commit past the poison record
            await().atMost(WAIT).until(() -> health("/q/health") == 503);
            // the batch after the stuck one is admitted (batches-in-flight 2) and stored: its offsets wait for the
            // dead letter, its pull messages must not
            Kafka.send(producer, events, room, ChatEvents.text(room, "while", "while the dlq is missing"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(pulledBodies(tenant, pull))
                    .anySatisfy(b -> assertThat(b).contains("while the dlq is missing")));
            assertThat(health("/q/health")).isEqualTo(503);

            LateDlq.createTopic(dlq);
            Kafka.send(producer, events, room, ChatEvents.text(room, "after", "after the topic appeared"));

            await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.requests()).extracting(Receiver.Request::bodyText)
                    .anySatisfy(b -> assertThat(b).contains("before the poison"))
                    .anySatisfy(b -> assertThat(b).contains("while the dlq is missing"))
                    .anySatisfy(b -> assertThat(b).contains("after the topic appeared")));
            List<ConsumerRecord<byte[], byte[]>> dead = Kafka.readUntil(dlq, read -> !read.isEmpty(), WAIT);
            assertThat(dead).singleElement()
                    .satisfies(r -> assertThat(Kafka.headers(r)).containsEntry("hookgate-error", "missing_field"));
            await().atMost(WAIT).until(() -> health("/q/health/ready") == 200);
        }
    }

    private static String pullSubscription(Api.Tenant tenant, String room) {
        return given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("mode", "pull", "event_types", List.of("chat.message"), "channels", List.of(room)))
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static List<String> pulledBodies(Api.Tenant tenant, String subscription) {
        return given().auth().oauth2(tenant.apiKey()).queryParam("limit", 100)
                .get("/v1/subscriptions/" + subscription + "/messages").then().statusCode(200)
                .extract().jsonPath().getList("data.body", String.class);
    }

    /** Health lives on the management port (SPEC 5), not beside the API. */
    private int health(String path) {
        return given().baseUri("http://" + management.getHost() + ":" + management.getPort()).get(path).statusCode();
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    /** This class's own consumer group; its topics come from {@link EventsTopic}. */
    public static class LateDlq implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("hookgate.topics.create-on-start", "false"),
                    Map.entry("hookgate.intake.group-id", "hookgate-late-dlq-" + UUID.randomUUID()),
                    Map.entry("hookgate.intake.stall-threshold", "3s"),
                    // fail a send to the missing topic within seconds rather than the default two minutes
                    Map.entry("mp.messaging.outgoing.events-dlq.max.block.ms", "2000"),
                    Map.entry("mp.messaging.outgoing.events-dlq.request.timeout.ms", "2000"),
                    Map.entry("mp.messaging.outgoing.events-dlq.delivery.timeout.ms", "4000"));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EventsTopic.class));
        }

        static void createTopic(String name) throws Exception {
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                    "localhost:9092"));
            try (Admin admin = Admin.create(p)) {
                admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Creates the events topic before the application (and its consumer) starts. */
    public static class EventsTopic implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String events = "chat.events.late-dlq-" + suffix;
            try {
                LateDlq.createTopic(events);
            } catch (Exception e) {
                throw new IllegalStateException("could not create the events topic", e);
            }
            return Map.of("hookgate.topics.events", events, "hookgate.topics.events-dlq", "chat.events.dlq.late-" + suffix);
        }

        @Override
        public void stop() {
            // the topics are private to this class and die with the broker of the run
        }
    }
}
