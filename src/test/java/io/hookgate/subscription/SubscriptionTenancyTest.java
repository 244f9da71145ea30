package io.hookgate.subscription;

import static io.hookgate.subscription.TestTenants.ADMIN_KEY;
import static io.hookgate.subscription.TestTenants.as;
import static io.hookgate.subscription.TestTenants.body;
import static io.hookgate.subscription.TestTenants.rowsOf;
import static io.hookgate.subscription.TestTenants.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.hookgate.challenge.ChallengeReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tenant isolation: another tenant's subscription does not exist for you; channels stay within scope. */
@QuarkusTest
class SubscriptionTenancyTest {

    private static ChallengeReceiver receiver;

    @Inject
    Pool pool;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = ChallengeReceiver.jsonEcho();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    @Test
    void tenantCannotReadChangeDeleteOrRotateAnotherTenantsSubscription() {
        var owner = tenant("*");
        var intruder = tenant("*");
        String id = create(owner);
        String path = "/v1/subscriptions/" + id;

        as(intruder).get(path).then().statusCode(404).body("type", endsWith("/not-found"));
        as(intruder).body(Map.of("description", "mine now")).patch(path).then().statusCode(404);
        as(intruder).body(Map.of()).post(path + "/rotate-secret").then().statusCode(404);
        as(intruder).delete(path).then().statusCode(404);

        as(owner).get(path).then().statusCode(200).body("description", equalTo(null));
    }

    @Test
    void listingShowsOnlyTheCallersOwnSubscriptions() {
        var first = tenant("*");
        var second = tenant("*");
        String mine = create(first);
        create(second);

        List<String> ids = as(first).get("/v1/subscriptions?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("data.id");

        assertThat(ids).containsExactly(mine);
    }

    @Test
    void adminListsAnyTenantWithTheTenantFilterAndTenantKeysCannotUseIt() {
        var first = tenant("*");
        var second = tenant("*");
        String id = create(first);

        List<String> ids = as(ADMIN_KEY).get("/v1/subscriptions?tenant_id=" + first.id()).then().statusCode(200)
                .extract().jsonPath().getList("data.id");
        assertThat(ids).containsExactly(id);
        as(second).get("/v1/subscriptions?tenant_id=" + first.id()).then().statusCode(403);
    }

    @Test
    void listingPagesWithAnOpaqueCursor() {
        var tenant = tenant("*");
        String a = create(tenant);
        String b = create(tenant);
        String c = create(tenant);

        var page1 = as(tenant).get("/v1/subscriptions?limit=2").then().statusCode(200).extract().jsonPath();
        assertThat(page1.getList("data.id", String.class)).containsExactly(a, b);
        var page2 = as(tenant).queryParam("limit", 2).queryParam("cursor", page1.getString("next_cursor"))
                .get("/v1/subscriptions").then().statusCode(200).extract().jsonPath();
        assertThat(page2.getList("data.id", String.class)).containsExactly(c);
        assertThat(page2.getString("next_cursor")).isNull();
    }

    @Test
    void malformedCursorOrLimitIsABadRequest() {
        var tenant = tenant("*");
        as(tenant).get("/v1/subscriptions?cursor=not-a-cursor").then().statusCode(400);
        as(tenant).get("/v1/subscriptions?limit=0").then().statusCode(400);
        as(tenant).get("/v1/subscriptions?limit=abc").then().statusCode(400);
    }

    @Test
    void channelOutsideTheTenantsScopeIsForbiddenAndNothingIsStored() {
        var tenant = tenant("room-a", "room-b");
        Map<String, Object> request = body(receiver.url());
        request.put("channels", List.of("room-a", "room-c"));

        as(tenant).body(request).post("/v1/subscriptions").then().statusCode(403)
                .body("type", endsWith("/forbidden"));
        assertThat(rowsOf(pool, tenant.id())).isZero();

        request.put("channels", List.of("room-b"));
        String id = as(tenant).body(request).post("/v1/subscriptions").then().statusCode(201)
                .body("channels", equalTo(List.of("room-b"))).extract().path("id");
        as(tenant).body(Map.of("channels", List.of("room-c"))).patch("/v1/subscriptions/" + id).then()
                .statusCode(403);
    }

    @Test
    void adminCreatesForATenantWithinThatTenantsChannels() {
        var tenant = tenant("room-a");
        Map<String, Object> request = body(receiver.url());
        request.put("tenant_id", tenant.id().toString());
        request.put("channels", List.of("room-z"));
        as(ADMIN_KEY).body(request).post("/v1/subscriptions").then().statusCode(403);

        request.put("channels", List.of("room-a"));
        as(ADMIN_KEY).body(request).post("/v1/subscriptions").then().statusCode(201)
                .body("tenant_id", equalTo(tenant.id().toString()));
        assertThat(rowsOf(pool, tenant.id())).isEqualTo(1);
    }

    @Test
    void adminMustNameAnExistingTenantAndTenantKeysMustNotNameOne() {
        as(ADMIN_KEY).body(body(receiver.url())).post("/v1/subscriptions").then().statusCode(422)
                .body("errors[0].field", equalTo("tenant_id"));
        Map<String, Object> unknown = body(receiver.url());
        unknown.put("tenant_id", "0b6f2c1e-8a4d-4c3e-9f1a-2d5e7b9c1a3f");
        as(ADMIN_KEY).body(unknown).post("/v1/subscriptions").then().statusCode(422)
                .body("errors[0].field", equalTo("tenant_id"));

        var tenant = tenant("*");
        Map<String, Object> own = body(receiver.url());
        own.put("tenant_id", tenant.id().toString());
        as(tenant).body(own).post("/v1/subscriptions").then().statusCode(403);
    }

    @Test
    void deleteAnswers204AndTheSubscriptionIsGone() {
        var tenant = tenant("*");
        String id = create(tenant);

        as(tenant).delete("/v1/subscriptions/" + id).then().statusCode(204);
        as(tenant).get("/v1/subscriptions/" + id).then().statusCode(404);
        assertThat(rowsOf(pool, tenant.id())).isZero();
    }

    @Test
    void malformedIdIsNotFound() {
        as(tenant("*")).get("/v1/subscriptions/not-a-uuid").then().statusCode(404);
    }

    private static String create(TestTenants.Tenant tenant) {
        return as(tenant).body(body(receiver.url())).post("/v1/subscriptions").then().statusCode(201)
                .extract().path("id");
    }
}
