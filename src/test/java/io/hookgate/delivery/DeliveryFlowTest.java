package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.hookgate.support.Signatures;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeliveryFlowTest {

    @Test
    void eventsReachEveryMatchingSubscriberAndNoOther() throws Exception {
        String room = ChatEvents.channel();
        String otherRoom = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room, otherRoom);
        try (Receiver messages = Receiver.ok(); Receiver everything = Receiver.ok(); Receiver reactions = Receiver.ok();
                Receiver otherRoomOnly = Receiver.ok(); KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            var messagesSub = Api.subscribe(tenant, messages.url("/hook"), List.of("chat.message"), List.of(room), null);
            var everythingSub = Api.subscribe(tenant, everything.url("/hook"),
                    List.of("chat.message", "chat.reaction"), null, "eventyay");
            Api.subscribe(tenant, reactions.url("/hook"), List.of("chat.reaction"), List.of(room), null);
            Api.subscribe(tenant, otherRoomOnly.url("/hook"), List.of("chat.message"), List.of(otherRoom), null);

            byte[] text = ChatEvents.text(room, 1, "hello ✓");
            byte[] reaction = ChatEvents.reaction(room, 2, 1);
            byte[] elsewhere = ChatEvents.text(otherRoom, 3, "over there");
            byte[] files = new String(ChatEvents.text(room, 4, "f"), StandardCharsets.UTF_8)
                    .replace("\"text\"", "\"files\"").getBytes(StandardCharsets.UTF_8);
            for (byte[] event : List.of(text, reaction, elsewhere, files)) {
                Kafka.send(producer, "chat.events", room, event);
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> messages.requests().size() >= 1
                    && everything.requests().size() >= 3 && reactions.requests().size() >= 1
                    && otherRoomOnly.requests().size() >= 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    messages.requests().size() == 1 && everything.requests().size() == 3
                            && reactions.requests().size() == 1 && otherRoomOnly.requests().size() == 1);

            Receiver.Request standard = messages.requests().get(0);
            Signatures.verifyStandard(messagesSub.secret(), standard);
            String timestamp = new ObjectMapper().readTree(text).get("timestamp").asText();
            assertThat(standard.bodyText()).isEqualTo("{\"type\":\"chat.message\",\"timestamp\":\"" + timestamp
                    + "\",\"data\":" + new String(text, StandardCharsets.UTF_8) + "}");
            assertThat(standard.header("content-type")).isEqualTo("application/json");
            assertThat(standard.header("user-agent")).startsWith("Hookgate/");
            assertThat(standard.header("webhook-id")).startsWith("evt_").doesNotContain(".");
            assertThat(standard.header("x-eventyay-signature")).isNull();

            for (Receiver.Request flat : everything.requests()) {
                Signatures.verifyStandard(everythingSub.secret(), flat);
                assertThat(flat.header("x-eventyay-signature"))
                        .isEqualTo(Signatures.eventyay(everythingSub.secret(), flat.body()));
            }
            Receiver.Request flatText = everything.requests().stream()
                    .filter(r -> r.header("webhook-id").equals(standard.header("webhook-id"))).findFirst().orElseThrow();
            assertThat(flatText.bodyText()).isEqualTo(sortedCompact(text));
            assertThat(reactions.requests().get(0).bodyText()).startsWith("{\"type\":\"chat.reaction\"");
        }
    }

    @Test
    void aSubscriptionReceivesNothingFromBeforeItExisted() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver late = Receiver.ok(); Receiver marker = Receiver.ok();
                KafkaProducer<byte[], byte[]> producer = Kafka.producer()) {
            Api.subscribe(tenant, marker.url("/m"), List.of("chat.message"), List.of(room), null);
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 1, "before"));
            await().atMost(Duration.ofSeconds(30)).until(() -> marker.requests().size() == 1);
            Api.subscribe(tenant, late.url("/late"), List.of("chat.message"), List.of(room), null);
            Kafka.send(producer, "chat.events", room, ChatEvents.text(room, 2, "after"));
            await().atMost(Duration.ofSeconds(30)).until(() -> late.requests().size() >= 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> late.requests().size() == 1);
            assertThat(late.requests().get(0).bodyText()).contains("\"after\"");
        }
    }

    private static String sortedCompact(byte[] json) throws Exception {
        ObjectMapper mapper = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        Map<?, ?> tree = mapper.readValue(json, TreeMap.class);
        return mapper.writeValueAsString(tree);
    }
}
