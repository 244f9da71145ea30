package io.hookgate.pull;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * README's "A complete session" (its key rotation) and "Pull subscriptions" in the order a new user runs them, with
 * the values the README tells them to carry from one step to the next. A walk through the README found two defects
 * that tests of each endpoint alone had missed: the commit of a still-empty {@code $NEXT} answered 500, and a
 * recommit answered the cursor it replaced.
 */
@QuarkusTest
class ReadmePullSessionTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theReadmeSessionRunsAsWrittenFromKeyRotationToAResumedStream() throws Exception {
        String room = ChatEvents.channel();
        String tenant = rotatedKey(Api.tenant(room).apiKey());
        JsonPath created = given().auth().oauth2(tenant).contentType(ContentType.JSON)
                .body(Map.of("mode", "pull", "event_types", List.of("chat.message"),
                        "retention", Map.of("max_messages", 10000, "max_age", "2d")))
                .post("/v1/subscriptions").then().statusCode(201).extract().jsonPath();
        String sub = created.getString("id");
        String secret = created.getString("secret");
        String messages = "/v1/subscriptions/" + sub + "/messages";

        // step 2 before any event: nothing yet, and no position to carry on with
        JsonPath empty = read(tenant, messages + "?limit=100");
        assertThat(empty.getList("data")).isEmpty();
        assertThat(empty.getString("next_cursor")).isNull();
        commit(tenant, sub, "mod-bot", "").statusCode(400).body("errors[0].field", equalTo("cursor"));

        sendEvent(tenant, room, 1);
        // the event reaches the subscription through Kafka; a user running step 2 by hand waits seconds anyway
        JsonPath page = await().atMost(WAIT).until(() -> read(tenant, messages + "?limit=100"),
                p -> !p.getList("data").isEmpty());
        assertThat(page.getList("data")).hasSize(1);
        PullApi.verify(secret, page.getMap("data[0]"));
        String next = page.getString("next_cursor");
        assertThat(next).isEqualTo(page.getString("data[0].cursor"));

        // step 3: the long-poll returns once the next message is stored
        CompletableFuture<JsonPath> poll = CompletableFuture.supplyAsync(() -> read(tenant,
                messages + "?after=" + next + "&wait=30"));
        sendEvent(tenant, room, 2);
        JsonPath woken = poll.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        String second = woken.getString("data[0].cursor");
        assertThat(second).isGreaterThan(next);

        // step 4: commit, read as the consumer, list
        commit(tenant, sub, "mod-bot", next).statusCode(200).body("cursor", equalTo(next));
        assertThat(read(tenant, messages + "?consumer=mod-bot&wait=30").getString("data[0].cursor")).isEqualTo(second);
        given().auth().oauth2(tenant).get("/v1/subscriptions/" + sub + "/consumers").then().statusCode(200)
                .body("data[0].name", equalTo("mod-bot")).body("data[0].cursor", equalTo(next))
                .body("data[0].lag", equalTo(1));

        // step 5: the stream as the consumer, then resumed with Last-Event-ID
        String stream = "/v1/subscriptions/" + sub + "/stream";
        try (SseClient sse = SseClient.open(tenant, stream + "?consumer=mod-bot", null)) {
            assertThat(sse.take(1, WAIT).get(0).id()).isEqualTo(second);
        }
        try (SseClient sse = SseClient.open(tenant, stream, next)) {
            assertThat(sse.take(1, WAIT).get(0).id()).isEqualTo(second);
        }
    }

    /** Session step 6: add a key, list, revoke the first; the first then answers 401 and the new one carries on. */
    private static String rotatedKey(String first) {
        String added = given().auth().oauth2(first).post("/v1/api-keys").then().statusCode(201).extract()
                .path("api_key");
        given().auth().oauth2(added).get("/v1/api-keys").then().statusCode(200);
        given().auth().oauth2(added).delete("/v1/api-keys/" + first.substring(3, 19)).then().statusCode(204);
        given().auth().oauth2(first).get("/v1/api-keys").then().statusCode(401);
        return added;
    }

    private static void sendEvent(String tenant, String room, int id) {
        given().auth().oauth2(tenant).contentType(ContentType.JSON).body(Map.of("message_id", id, "channel", room,
                "timestamp", "2026-11-22T10:15:30Z", "message_type", "text", "message", "hello " + id))
                .post("/v1/events").then().statusCode(202);
    }

    private static JsonPath read(String tenant, String pathAndQuery) {
        return given().auth().oauth2(tenant).urlEncodingEnabled(false).get(pathAndQuery).then().statusCode(200)
                .extract().jsonPath();
    }

    private static ValidatableResponse commit(String tenant, String sub, String name, String cursor) {
        return given().auth().oauth2(tenant).contentType(ContentType.JSON).body(Map.of("cursor", cursor))
                .put("/v1/subscriptions/" + sub + "/consumers/" + name).then();
    }
}
