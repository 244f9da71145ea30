package io.hookgate.pull;

import static io.restassured.RestAssured.given;

import io.hookgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client that keeps re-polling is told at once when its subscription or key is gone: neither the subscription
 * nor a revoked key is served from memory on the replica that made the change.
 */
@QuarkusTest
class PullRepollAfterChangesTest {

    private static final Map<String, Object> LONG_POLL = Map.of("wait", 1);

    @Test
    void aDeletedSubscriptionsNextLongPollIs404() {
        Api.Tenant tenant = Api.tenant("repoll-room");
        Api.Subscription sub = PullApi.pull(tenant, List.of("repoll-room"), null);
        PullApi.read(tenant, sub.id(), Map.of("wait", 0));
        given().auth().oauth2(tenant.apiKey()).delete("/v1/subscriptions/" + sub.id()).then().statusCode(204);
        given().auth().oauth2(tenant.apiKey()).queryParams(LONG_POLL).get("/v1/subscriptions/" + sub.id()
                + "/messages").then().statusCode(404);
    }

    @Test
    void aRevokedKeysNextLongPollIs401WhileTheTenantsOtherKeyReadsOn() {
        Api.Tenant tenant = Api.tenant("repoll-room");
        Api.Subscription sub = PullApi.pull(tenant, List.of("repoll-room"), null);
        String second = given().auth().oauth2(tenant.apiKey()).post("/v1/api-keys").then().statusCode(201)
                .extract().path("api_key");
        given().auth().oauth2(second).queryParams(Map.of("wait", 0)).get("/v1/subscriptions/" + sub.id()
                + "/messages").then().statusCode(200);
        given().auth().oauth2(Api.ADMIN_KEY).delete("/v1/tenants/" + tenant.id() + "/api-keys/"
                + second.substring(3, 19)).then().statusCode(204);
        given().auth().oauth2(second).queryParams(LONG_POLL).get("/v1/subscriptions/" + sub.id() + "/messages")
                .then().statusCode(401);
        PullApi.read(tenant, sub.id(), Map.of("wait", 0));
    }
}
