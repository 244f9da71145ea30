package io.hookgate.pull;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.hookgate.pull.wake.LocalWakeups;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Receiver;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Long-polls are held by {@code LongPollRoute} below the REST layer; what a client sees must not change, and what
 * a held call keeps must shrink (docs/BENCHMARKS.md, "Memory per held long-poll").
 */
@QuarkusTest
class LongPollRouteTest {

    private static final String CURSOR = "00000000000000000000000000000001";

    @Inject
    LocalWakeups wakeups;

    @Test
    void aHeldLongPollKeepsNoRestRequestContextWhileItWaits() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        int held = 300;
        Map<String, Long> idle = LiveObjects.count();
        int before = wakeups.size();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < held; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                    + "/v1/subscriptions/" + sub.id() + "/messages?wait=5&after=" + CURSOR))
                    .header("Authorization", "Bearer " + tenant.apiKey()).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(4)).until(() -> wakeups.size() >= before + held);
        Map<String, Long> waiting = LiveObjects.count();

        long restContexts = LiveObjects.grown(idle, waiting, LiveObjects.REST_CONTEXT);
        long vertxRequests = LiveObjects.grownExactly(idle, waiting, LiveObjects.HTTP_REQUEST);
        Log.infof("%d long-polls held: %d more HTTP requests, %d more REST request contexts live", held,
                vertxRequests, restContexts);
        assertThat(vertxRequests).as("the calls are open on the server").isGreaterThanOrEqualTo(held);
        assertThat(restContexts).as("REST request contexts of held calls").isLessThan(held / 10);
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> answer = call.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JsonPath.from(answer.body()).getList("data")).isEmpty();
            assertThat(JsonPath.from(answer.body()).getString("next_cursor")).isEqualTo(CURSOR);
        }
    }

    @Test
    void everyRefusalOfAWaitingReadIsTheRestAnswerAndComesAtOnce() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant owner = Api.tenant(room);
        Api.Tenant other = Api.tenant("*");
        Api.Subscription pull = PullApi.pull(owner, List.of(room), null);
        Api.Subscription push;
        try (var receiver = Receiver.ok()) {
            push = Api.subscribe(owner, receiver.url("/hook"), List.of("chat.message"), List.of(room), null);
        }
        String messages = "/v1/subscriptions/" + pull.id() + "/messages";
        long started = System.nanoTime();

        given().queryParam("wait", 20).get(messages).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType(startsWith("application/problem+json"));
        given().auth().oauth2(owner.apiKey() + "x").queryParam("wait", 20).get(messages).then().statusCode(401);
        given().auth().oauth2(other.apiKey()).queryParam("wait", 20).get(messages).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(owner.apiKey()).queryParam("wait", 20).get("/v1/subscriptions/nope/messages")
                .then().statusCode(404);
        given().auth().oauth2(owner.apiKey()).queryParam("wait", 20)
                .get("/v1/subscriptions/" + push.id() + "/messages").then().statusCode(409)
                .body("status", equalTo(409));
        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("wait", 20, "limit", 0),
                Map.of("wait", 20, "after", "not-a-cursor"), Map.of("wait", 20, "consumer", "bad name"),
                Map.of("wait", 31))) {
            given().auth().oauth2(owner.apiKey()).queryParams(query).get(messages).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("status", equalTo(400));
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aWaitingReadThatFindsMessagesAnswersExactlyAsAnImmediateRead() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = withThreeMessages(tenant, room);

        ExtractableResponse<Response> immediate = page(tenant, sub, Map.of("limit", 2));
        ExtractableResponse<Response> waited = page(tenant, sub, Map.of("limit", 2, "wait", 10));

        assertThat(waited.contentType()).isEqualTo(immediate.contentType());
        assertThat(waited.jsonPath().getString("next_cursor")).isEqualTo(immediate.jsonPath().getString("next_cursor"));
        assertThat(waited.jsonPath().getList("data.webhook_id"))
                .isEqualTo(immediate.jsonPath().getList("data.webhook_id")).hasSize(2);
        assertThat(waited.jsonPath().getList("data.body")).isEqualTo(immediate.jsonPath().getList("data.body"));
        assertThat(waited.jsonPath().getBoolean("refresh")).isFalse();
        for (Map<String, Object> message : waited.jsonPath().<Map<String, Object>>getList("data")) {
            PullApi.verify(sub.secret(), message);
        }
    }

    @Test
    void aWaitingReadOfANamedConsumerStartsAfterItsCommittedCursor() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = withThreeMessages(tenant, room);
        String second = PullApi.read(tenant, sub.id(), Map.of("limit", 2)).getString("next_cursor");
        PullApi.commit(tenant, sub.id(), "bot", second);

        JsonPath page = PullApi.read(tenant, sub.id(), Map.of("consumer", "bot", "wait", 10));

        assertThat(page.<Map<String, Object>>getList("data")).extracting(PullApi::text).containsExactly("m3");
    }

    @Test
    void aClientThatHangsUpForgetsItsWaiterLongBeforeTheWaitEnds() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        int before = wakeups.size();
        try (Socket socket = PullApi.holdLongPoll(tenant, sub.id(), CURSOR)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> wakeups.size() > before);
        }
        long closed = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> wakeups.size() <= before);
        assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(Duration.ofSeconds(10));
    }

    private static Api.Subscription withThreeMessages(Api.Tenant tenant, String room) throws Exception {
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        PullApi.produce(room, 1, 3);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                PullApi.read(tenant, sub.id(), Map.of()).getList("data").size() == 3);
        return sub;
    }

    private static ExtractableResponse<Response> page(Api.Tenant tenant, Api.Subscription sub, Map<String, ?> query) {
        return given().auth().oauth2(tenant.apiKey()).queryParams(query)
                .get("/v1/subscriptions/" + sub.id() + "/messages").then().statusCode(200).extract();
    }
}
