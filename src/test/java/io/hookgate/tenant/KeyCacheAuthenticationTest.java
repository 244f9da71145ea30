package io.hookgate.tenant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A busy tenant key is authenticated from memory (no statement per request), yet every change that takes its rights
 * away is seen on this replica's next request, and a change made by another replica within the cache's TTL.
 */
@QuarkusTest
class KeyCacheAuthenticationTest {

    @Inject
    ActiveKeys keys;

    @Inject
    AuthConfig config;

    @Inject
    Pool pool;

    @Inject
    AuthFailureLimiter limiter;

    @BeforeEach
    void forgetFailures() {
        limiter.clear();
    }

    @Test
    void aBusyKeyCostsAtMostOneLookupPerTtlNotOnePerRequest() {
        Api.Tenant tenant = Api.tenant("*");
        long before = keys.lookups();
        long started = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            listOwnKeys(tenant.apiKey()).then().statusCode(200);
        }
        long ttls = Duration.ofNanos(System.nanoTime() - started).toMillis() / config.keyCacheTtl().toMillis();
        assertThat(keys.lookups() - before).isLessThanOrEqualTo(ttls + 1).isLessThan(30);
    }

    @Test
    void aCachedKeyIdWithAWrongSecretIsStillRefused() {
        Api.Tenant tenant = Api.tenant("*");
        listOwnKeys(tenant.apiKey()).then().statusCode(200);
        String key = tenant.apiKey();
        char last = key.charAt(key.length() - 1);
        // flip one character of the secret; 'A' and 'B' differ in the bits that canonical base64url keeps
        String wrong = key.substring(0, key.length() - 2) + (key.charAt(key.length() - 2) == 'A' ? 'B' : 'A') + last;
        listOwnKeys(wrong).then().statusCode(401);
        listOwnKeys(key).then().statusCode(200);
    }

    @Test
    void aKeyRevokedOnThisReplicaIsRefusedOnItsVeryNextRequest() {
        Api.Tenant tenant = Api.tenant("*");
        String second = given().auth().oauth2(tenant.apiKey()).post("/v1/api-keys").then().statusCode(201)
                .extract().path("api_key");
        listOwnKeys(second).then().statusCode(200);
        given().auth().oauth2(tenant.apiKey()).delete("/v1/api-keys/" + keyId(second)).then().statusCode(204);
        listOwnKeys(second).then().statusCode(401);

        String third = given().auth().oauth2(Api.ADMIN_KEY).post("/v1/tenants/" + tenant.id() + "/api-keys").then()
                .statusCode(201).extract().path("api_key");
        listOwnKeys(third).then().statusCode(200);
        given().auth().oauth2(Api.ADMIN_KEY).delete("/v1/tenants/" + tenant.id() + "/api-keys/" + keyId(third))
                .then().statusCode(204);
        listOwnKeys(third).then().statusCode(401);
    }

    @Test
    void aDeletedTenantsBusyKeyIsRefusedOnItsVeryNextRequest() {
        Api.Tenant tenant = Api.tenant("*");
        listOwnKeys(tenant.apiKey()).then().statusCode(200);
        given().auth().oauth2(Api.ADMIN_KEY).delete("/v1/tenants/" + tenant.id()).then().statusCode(204);
        listOwnKeys(tenant.apiKey()).then().statusCode(401);
    }

    @Test
    void narrowedChannelsApplyToABusyKeyOnItsVeryNextRequest() {
        Api.Tenant tenant = Api.tenant("room-a", "room-b");
        createPullSubscription(tenant.apiKey(), "room-b").then().statusCode(201);
        given().auth().oauth2(Api.ADMIN_KEY).contentType(ContentType.JSON).body("{\"channels\": [\"room-a\"]}")
                .patch("/v1/tenants/" + tenant.id()).then().statusCode(200);
        createPullSubscription(tenant.apiKey(), "room-b").then().statusCode(403);
    }

    @Test
    void aKeyRevokedByAnotherReplicaIsRefusedHereWithinTheTtl() {
        Api.Tenant tenant = Api.tenant("*");
        listOwnKeys(tenant.apiKey()).then().statusCode(200);
        // another replica's revocation: written to the database without this replica hearing of it
        pool.preparedQuery("UPDATE api_keys SET revoked_at = now() WHERE id = $1")
                .execute(Tuple.of(keyId(tenant.apiKey()))).await().indefinitely();
        long revoked = System.nanoTime();
        Awaitility.await().atMost(config.keyCacheTtl().plusSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> listOwnKeys(tenant.apiKey()).statusCode() == 401);
        Duration refusedAfter = Duration.ofNanos(System.nanoTime() - revoked);
        assertThat(refusedAfter).isLessThan(config.keyCacheTtl().plusSeconds(2));
        listOwnKeys(tenant.apiKey()).then().statusCode(401);
    }

    private static io.restassured.response.Response listOwnKeys(String key) {
        return given().auth().oauth2(key).get("/v1/api-keys");
    }

    private static io.restassured.response.Response createPullSubscription(String key, String channel) {
        return given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"mode\": \"pull\", \"event_types\": [\"chat.message\"], \"channels\": " + List.of(
                        "\"" + channel + "\"") + "}")
                .post("/v1/subscriptions");
    }

    private static String keyId(String key) {
        return key.substring(3, 19);
    }
}
