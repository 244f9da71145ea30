package io.hookgate.pull;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PullRulesTest {

    private static final String CURSOR = "00000000000000000000000000000001";

    @Test
    void anotherTenantsPullSubscriptionIs404OnEveryPullEndpoint() {
        String room = ChatEvents.channel();
        Api.Tenant owner = Api.tenant(room);
        Api.Tenant other = Api.tenant("*");
        Api.Subscription sub = PullApi.pull(owner, List.of(room), null);
        PullApi.commit(owner, sub.id(), "mine", CURSOR);
        String base = "/v1/subscriptions/" + sub.id();
        for (var call : List.<java.util.function.Function<RequestSpecification, io.restassured.response.Response>>of(
                r -> r.get(base + "/messages"),
                r -> r.queryParam("wait", 1).get(base + "/messages"),
                r -> r.get(base + "/stream"),
                r -> r.get(base + "/consumers"),
                r -> r.contentType(ContentType.JSON).body(Map.of("cursor", CURSOR)).put(base + "/consumers/mine"),
                r -> r.delete(base + "/consumers/mine"))) {
            call.apply(given().auth().oauth2(other.apiKey())).then().statusCode(404)
                    .contentType(startsWith("application/problem+json"));
        }
        // the owner's consumer is untouched
        assertThat(given().auth().oauth2(owner.apiKey()).get(base + "/consumers").then().statusCode(200)
                .extract().jsonPath().getList("data.name")).containsExactly("mine");
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        String messages = "/v1/subscriptions/" + sub.id() + "/messages";
        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("limit", 0), Map.of("limit", 501),
                Map.of("limit", "ten"), Map.of("wait", 31), Map.of("wait", -1), Map.of("wait", "1.5"),
                Map.of("after", "not-a-cursor"), Map.of("after", CURSOR.toUpperCase() + "A"),
                Map.of("after", "0000000000000000000000000000000G"), Map.of("consumer", "bad name"))) {
            given().auth().oauth2(tenant.apiKey()).queryParams(query).get(messages).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("status", equalTo(400))
                    .body("errors[0].field", equalTo(query.keySet().iterator().next().equals("consumer") ? "name"
                            : query.keySet().iterator().next()));
        }
        given().auth().oauth2(tenant.apiKey()).header("Last-Event-ID", "nope")
                .get("/v1/subscriptions/" + sub.id() + "/stream").then().statusCode(400);
        String consumers = "/v1/subscriptions/" + sub.id() + "/consumers/";
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("cursor", "x"))
                .put(consumers + "ok").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of())
                .put(consumers + "ok").then().statusCode(400);
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("cursor", CURSOR))
                .put(consumers + "-starts-with-dash").then().statusCode(400);
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("cursor", CURSOR))
                .put(consumers + "x".repeat(65)).then().statusCode(400);
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("cursor", CURSOR, "x", 1))
                .put(consumers + "ok").then().statusCode(400);
    }

    @Test
    void pullSubscriptionsHaveNoUrlNoHandshakeAndRefusePingAndRecover() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        RequestSpecification as = given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON);
        as.body(Map.of("mode", "pull", "url", "https://example.com/hook", "event_types", List.of("chat.message")))
                .post("/v1/subscriptions").then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("mode", "pull", "event_types", List.of("chat.message"),
                        "retention", Map.of("max_messages", 0, "max_age", "forever")))
                .post("/v1/subscriptions").then().statusCode(422).body("errors.field",
                        equalTo(List.of("retention.max_messages", "retention.max_age")));
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("mode", "sideways", "event_types", List.of("chat.message")))
                .post("/v1/subscriptions").then().statusCode(422).body("errors[0].field", equalTo("mode"));

        var created = given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("mode", "pull", "event_types", List.of("chat.message"), "channels", List.of(room),
                        "retention", Map.of("max_bytes", 2048)))
                .post("/v1/subscriptions").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        assertThat(created.getString("mode")).isEqualTo("pull");
        assertThat(created.getString("url")).isNull();
        assertThat(created.getString("secret")).startsWith("whsec_");
        var shown = Api.subscription(tenant, id);
        assertThat(shown.getMap("retention")).isEqualTo(Map.of("max_messages", 100000, "max_bytes", 2048,
                "max_age", "7d"));
        assertThat(given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions?limit=200").then().statusCode(200)
                .extract().jsonPath().getString("data.find { it.id == '" + id + "' }.mode")).isEqualTo("pull");

        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("url", "https://x.test/"))
                .patch("/v1/subscriptions/" + id).then().statusCode(400);
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("status", "disabled"))
                .patch("/v1/subscriptions/" + id).then().statusCode(200).body("mode", equalTo("pull"));
        // re-activation runs no handshake: there is no url to call
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("status", "active"))
                .patch("/v1/subscriptions/" + id).then().statusCode(200).body("status", equalTo("active"));
        given().auth().oauth2(tenant.apiKey()).post("/v1/subscriptions/" + id + "/ping").then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("since", "2026-01-01T00:00:00Z")).post("/v1/subscriptions/" + id + "/recover")
                .then().statusCode(409);
        given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions/" + id + "/deliveries").then().statusCode(200)
                .body("data.size()", equalTo(0));
    }

    @Test
    void aPushSubscriptionHasNoMessagesToRead() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (var receiver = io.hookgate.support.Receiver.ok()) {
            Api.Subscription push = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"),
                    List.of(room), null);
            assertThat(Api.subscription(tenant, push.id()).getString("mode")).isEqualTo("push");
            given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions/" + push.id() + "/messages").then()
                    .statusCode(409).contentType(startsWith("application/problem+json"));
        }
    }
}
