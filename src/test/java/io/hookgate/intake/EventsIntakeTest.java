package io.hookgate.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Kafka;
import io.hookgate.support.Receiver;
import io.hookgate.support.Signatures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/events end to end. "Nothing produced" is proven with a marker: after a rejected request, a valid
 * marker event on the same channel (same key, so same partition, after anything produced before it) is read
 * back from chat.events, and it must be the only record with that key.
 */
@QuarkusTest
class EventsIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void singleEventIsAcceptedAndTheSubscriberReceivesItUnderTheReturnedId() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.ok()) {
            Api.Subscription sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null);

            List<String> ids = post(tenant.apiKey(), new String(ChatEvents.text(room, 1, "via http"),
                    StandardCharsets.UTF_8)).statusCode(202).body("accepted", equalTo(1))
                    .extract().jsonPath().getList("event_ids", String.class);

            assertThat(ids).hasSize(1);
            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            Receiver.Request delivered = receiver.requests().get(0);
            assertThat(delivered.header("webhook-id")).isEqualTo(ids.get(0));
            assertThat(delivered.bodyText()).contains("\"via http\"");
            Signatures.verifyStandard(sub.secret(), delivered);
        }
    }

    @Test
    void batchOfThreeValidEventsIsAcceptedAndDeliveredThreeTimes() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.ok()) {
            String sub = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), null, null).id();

            List<String> ids = post(tenant.apiKey(), batch(room, 1, 2, 3)).statusCode(202)
                    .body("accepted", equalTo(3)).extract().jsonPath().getList("event_ids", String.class);

            assertThat(ids).hasSize(3).doesNotHaveDuplicates();
            await().atMost(WAIT).until(() -> receiver.requests().size() >= 3);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.requests().size() == 3);
            assertThat(receiver.requests()).extracting(r -> r.header("webhook-id"))
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(Api.deliveries(tenant, sub)).extracting(d -> (String) d.get("event_id"))
                    .containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void batchWithOneInvalidItemIsRejectedWholeAndNothingReachesTheTopic() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        String invalid = "{\"message_id\": 2, \"timestamp\": \"2026-11-22T10:00:00Z\", \"message_type\": \"text\","
                + " \"message\": \"no channel\"}";
        String body = "{\"events\": [" + event(room, 1) + ", " + invalid + ", " + event(room, 3) + "]}";

        post(tenant.apiKey(), body).statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("events[1].channel")));

        assertOnlyTheMarkerReachesTheTopic(room);
    }

    @Test
    void tenantKeySendingForAChannelOutsideItsScopeIsForbiddenAndNothingIsProduced() {
        String room = ChatEvents.channel();
        String foreign = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);

        post(tenant.apiKey(), event(foreign, 1)).statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("/forbidden"));
        post(tenant.apiKey(), "{\"events\": [" + event(room, 2) + ", " + event(foreign, 3) + "]}").statusCode(403);

        assertOnlyTheMarkerReachesTheTopic(room);
        assertOnlyTheMarkerReachesTheTopic(foreign);
    }

    @Test
    void malformedJsonTooManyEventsAndOversizedBodiesAreRejected() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);

        post(tenant.apiKey(), "{\"events\": [" + event(room, 1) + ",").statusCode(400)
                .contentType("application/problem+json").body(not(containsString("Exception")));
        post(tenant.apiKey(), batch(room, IntStream.rangeClosed(1, 501).toArray())).statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("events"));
        String huge = new String(ChatEvents.text(room, 9, "x".repeat(1024 * 1024)), StandardCharsets.UTF_8);
        post(tenant.apiKey(), huge).statusCode(413);

        assertOnlyTheMarkerReachesTheTopic(room);
    }

    private static ValidatableResponse post(String key, String body) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/v1/events").then();
    }

    private static String event(String room, int messageId) {
        return new String(ChatEvents.text(room, messageId, "m" + messageId), StandardCharsets.UTF_8);
    }

    private static String batch(String room, int... messageIds) {
        return IntStream.of(messageIds).mapToObj(id -> event(room, id))
                .collect(Collectors.joining(", ", "{\"events\": [", "]}"));
    }

    /** Sends a marker with the admin key and reads the topic up to it: no other record may carry this channel. */
    private static void assertOnlyTheMarkerReachesTheTopic(String room) {
        String marker = "marker-" + room;
        post(Api.ADMIN_KEY, new String(ChatEvents.text(room, marker, marker), StandardCharsets.UTF_8))
                .statusCode(202);
        List<ConsumerRecord<byte[], byte[]>> read = Kafka.readUntil("chat.events",
                records -> records.stream().anyMatch(r -> isMarker(r, room, marker)), WAIT);
        List<ConsumerRecord<byte[], byte[]>> mine = read.stream()
                .filter(r -> r.key() != null && room.equals(new String(r.key(), StandardCharsets.UTF_8))).toList();
        assertThat(mine).as("records keyed %s", room).hasSize(1);
        assertThat(isMarker(mine.get(0), room, marker)).isTrue();
    }

    private static boolean isMarker(ConsumerRecord<byte[], byte[]> r, String room, String marker) {
        return r.key() != null && room.equals(new String(r.key(), StandardCharsets.UTF_8))
                && new String(r.value(), StandardCharsets.UTF_8).contains(marker);
    }
}
