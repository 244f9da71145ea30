package io.hookgate.pull;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.hookgate.pull.trim.PullTrimmer;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PullRetentionPatchTest {

    @Inject
    PullTrimmer trimmer;

    @Test
    void patchingRetentionChangesOnlyTheGivenLimitsAndTheTrimmerAppliesThem() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), Map.of("max_bytes", 4096));
        PullApi.produce(room, 1, 8);
        await().atMost(Duration.ofSeconds(30)).until(() -> PullApi.read(tenant, sub.id(), Map.of())
                .getList("data").size() == 8);

        var patched = patch(tenant, sub.id(), Map.of("retention", Map.of("max_messages", 5))).then().statusCode(200)
                .extract().jsonPath();
        assertThat(patched.getMap("retention")).isEqualTo(Map.of("max_messages", 5, "max_bytes", 4096,
                "max_age", "7d"));
        assertThat(Api.subscription(tenant, sub.id()).getMap("retention")).isEqualTo(patched.getMap("retention"));

        PullApi.trimUntil(trimmer, () -> PullApi.read(tenant, sub.id(), Map.of()).getList("data").size() <= 5);
        var page = PullApi.read(tenant, sub.id(), Map.of());
        List<Map<String, Object>> data = page.getList("data");
        assertThat(data).hasSize(5);
        assertThat((String) data.get(0).get("body")).contains("\"message\": \"m4\"");
    }

    @Test
    void badRetentionInAPatchIsRefusedAndChangesNothing() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        patch(tenant, sub.id(), Map.of("retention", Map.of("max_messages", 0, "max_age", "forever"))).then()
                .statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", equalTo(List.of("retention.max_messages", "retention.max_age")));
        patch(tenant, sub.id(), Map.of("retention", Map.of("max_messages", "5"))).then().statusCode(422)
                .body("errors[0].field", equalTo("retention.max_messages"));
        patch(tenant, sub.id(), Map.of("retention", 5)).then().statusCode(422)
                .body("errors[0].field", equalTo("retention"));
        patch(tenant, sub.id(), Map.of("retention", Map.of("max_rows", 5))).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        assertThat(Api.subscription(tenant, sub.id()).getMap("retention")).isEqualTo(Map.of("max_messages", 100000,
                "max_bytes", 104857600, "max_age", "7d"));
    }

    @Test
    void aPushSubscriptionHasNoRetentionToPatch() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver receiver = Receiver.ok()) {
            Api.Subscription push = Api.subscribe(tenant, receiver.url("/hook"), List.of("chat.message"), List.of(room), null);
            patch(tenant, push.id(), Map.of("retention", Map.of("max_messages", 5))).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", equalTo("retention applies to pull subscriptions only"));
        }
    }

    @Test
    void anotherTenantCannotPatchARetentionIntoAPullSubscription() {
        String room = ChatEvents.channel();
        Api.Tenant owner = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(owner, List.of(room), null);
        patch(Api.tenant("*"), sub.id(), Map.of("retention", Map.of("max_messages", 1))).then().statusCode(404);
        assertThat(Api.subscription(owner, sub.id()).getInt("retention.max_messages")).isEqualTo(100000);
    }

    private static io.restassured.response.Response patch(Api.Tenant tenant, String id, Map<String, Object> body) {
        RequestSpecification as = given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON);
        return as.body(body).patch("/v1/subscriptions/" + id);
    }
}
