package io.hookgate.tenant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.hookgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant key lists, adds and revokes its own tenant's keys (SPEC section 5, tenant keys self-service). */
@QuarkusTest
class OwnApiKeysTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    KeyUsage usage;

    @Inject
    AuthFailureLimiter limiter;

    @BeforeEach
    void forgetFailures() {
        limiter.clear();
    }

    @Test
    void tenantAddsListsAndRevokesItsOwnKeys() {
        Api.Tenant tenant = Api.tenant("*");
        Response added = given().auth().oauth2(tenant.apiKey()).post("/v1/api-keys");
        added.then().statusCode(201).header("Location", startsWith("http"))
                .body("api_key", startsWith("hg_")).body("id", not(equalTo(null)));
        String second = added.path("api_key");
        String secondId = added.path("id");
        assertThat(second).startsWith("hg_" + secondId + "_");

        JsonPath listed = given().auth().oauth2(second).get("/v1/api-keys").then().statusCode(200)
                .body("data.size()", equalTo(2)).body("next_cursor", equalTo(null)).extract().jsonPath();
        assertThat(listed.prettify()).doesNotContain(tenant.apiKey().substring(20)).doesNotContain(second.substring(20));
        assertThat(listed.<String>getList("data.id")).contains(secondId);
        String firstId = tenant.apiKey().substring(3, 19);
        assertThat(listed.<String>getList("data.id")).containsExactly(firstId, secondId);

        given().auth().oauth2(second).delete("/v1/api-keys/" + firstId).then().statusCode(204);
        given().auth().oauth2(tenant.apiKey()).get("/v1/api-keys").then().statusCode(401);
        given().auth().oauth2(second).get("/v1/api-keys").then().statusCode(200)
                .body("data.id", equalTo(List.of(secondId)));
        // revoking again is harmless
        given().auth().oauth2(second).delete("/v1/api-keys/" + firstId).then().statusCode(204);
    }

    @Test
    void revokingTheTenantsLastActiveKeyIsAConflictForTenantAndAdmin() {
        Api.Tenant tenant = Api.tenant("*");
        String keyId = tenant.apiKey().substring(3, 19);
        given().auth().oauth2(tenant.apiKey()).delete("/v1/api-keys/" + keyId).then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(409));
        given().auth().oauth2(Api.ADMIN_KEY).delete("/v1/tenants/" + tenant.id() + "/api-keys/" + keyId).then()
                .statusCode(409);
        given().auth().oauth2(tenant.apiKey()).get("/v1/api-keys").then().statusCode(200);
    }

    @Test
    void concurrentRevocationsNeverLeaveATenantWithoutAKey() throws Exception {
        Api.Tenant tenant = Api.tenant("*");
        List<String> keys = new ArrayList<>(List.of(tenant.apiKey()));
        for (int i = 0; i < 3; i++) {
            keys.add(given().auth().oauth2(tenant.apiKey()).post("/v1/api-keys").then().statusCode(201)
                    .extract().path("api_key"));
        }
        // every key revokes itself at the same moment: exactly one must survive
        List<CompletableFuture<Integer>> revokes = keys.stream().map(key -> CompletableFuture.supplyAsync(() ->
                given().auth().oauth2(key).delete("/v1/api-keys/" + key.substring(3, 19)).statusCode())).toList();
        List<Integer> statuses = revokes.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(204, 409);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(1);
        long active = pool.preparedQuery("SELECT count(*) FROM api_keys k JOIN tenants t ON t.id = k.tenant_id"
                + " WHERE t.id::text = $1 AND k.revoked_at IS NULL").execute(Tuple.of(tenant.id()))
                .await().atMost(WAIT).iterator().next().getLong(0);
        assertThat(active).isOne();
    }

    @Test
    void anotherTenantsKeyIdIsNotFound() {
        Api.Tenant mine = Api.tenant("*");
        Api.Tenant theirs = Api.tenant("*");
        given().auth().oauth2(theirs.apiKey()).post("/v1/api-keys").then().statusCode(201);
        String theirKeyId = theirs.apiKey().substring(3, 19);
        given().auth().oauth2(mine.apiKey()).delete("/v1/api-keys/" + theirKeyId).then().statusCode(404);
        given().auth().oauth2(mine.apiKey()).delete("/v1/api-keys/NOT-a-key!").then().statusCode(404);
        given().auth().oauth2(theirs.apiKey()).get("/v1/api-keys").then().body("data.size()", equalTo(2));
    }

    @Test
    void theAdminKeyHasNoOwnKeysToManage() {
        given().auth().oauth2(Api.ADMIN_KEY).get("/v1/api-keys").then().statusCode(403)
                .body("detail", startsWith("the admin key belongs to no tenant"));
        given().auth().oauth2(Api.ADMIN_KEY).post("/v1/api-keys").then().statusCode(403);
        given().auth().oauth2(Api.ADMIN_KEY).delete("/v1/api-keys/abcdefghijklmnop").then().statusCode(403);
        given().get("/v1/api-keys").then().statusCode(401);
    }

    @Test
    void lastUsedAtIsRecordedOffTheRequestPathOncePerFlush() {
        Api.Tenant tenant = Api.tenant("*");
        String keyId = tenant.apiKey().substring(3, 19);
        given().auth().oauth2(tenant.apiKey()).get("/v1/api-keys").then().statusCode(200)
                .body("data[0]", not(hasKey("last_used_at")));
        Instant before = Instant.now().minusSeconds(1);
        long writesBefore = usage.writes();
        for (int i = 0; i < 30; i++) {
            given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions").then().statusCode(200);
        }
        assertThat(lastUsedInDatabase(keyId)).as("written on the request path").isNull();
        usage.flush().await().atMost(WAIT);
        assertThat(usage.writes() - writesBefore).as("statements for 30 uses of one key").isOne();
        Instant stored = lastUsedInDatabase(keyId);
        assertThat(stored).isAfter(before);
        String listed = given().auth().oauth2(Api.ADMIN_KEY).get("/v1/tenants/" + tenant.id() + "/api-keys")
                .then().statusCode(200).extract().path("data[0].last_used_at");
        assertThat(Instant.parse(listed)).isEqualTo(stored);
    }

    private Instant lastUsedInDatabase(String keyId) {
        var row = pool.preparedQuery("SELECT last_used_at FROM api_keys WHERE id = $1").execute(Tuple.of(keyId))
                .await().atMost(WAIT).iterator().next();
        var at = row.getOffsetDateTime("last_used_at");
        return at == null ? null : at.toInstant();
    }
}
