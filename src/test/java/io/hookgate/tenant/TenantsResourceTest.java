package io.hookgate.tenant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantsResourceTest {

    static final String ADMIN = "Bearer test-admin-key-0123456789abcdef";

    @Inject
    Pool pool;

    @Inject
    AuthFailureLimiter limiter;

    @BeforeEach
    void forgetFailures() {
        limiter.clear();
    }

    static Response createTenant(String name, List<String> channels) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "channels", channels))
                .post("/v1/tenants");
    }

    @Test
    void adminCreatesReadsUpdatesAndDeletesATenant() {
        Response created = createTenant("Wikimania chat", List.of("lobby", "lobby", "room-2"));
        created.then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("name", equalTo("Wikimania chat"))
                .body("channels", equalTo(List.of("lobby", "room-2")))
                .body("api_key", startsWith("hg_"));
        String id = created.path("id");

        given().header("Authorization", ADMIN).get("/v1/tenants/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("api_key", equalTo(null)).body("created_at", startsWith("20"));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"channels\":[\"*\"]}")
                .patch("/v1/tenants/" + id).then().statusCode(200)
                .body("name", equalTo("Wikimania chat")).body("channels", equalTo(List.of("*")));

        given().header("Authorization", ADMIN).delete("/v1/tenants/" + id).then().statusCode(204);
        given().header("Authorization", ADMIN).get("/v1/tenants/" + id).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", ADMIN).delete("/v1/tenants/" + id).then().statusCode(404);
    }

    @Test
    void listingPagesThroughEveryTenantOnceWithOpaqueCursors() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(createTenant("paged " + i, List.of("*")).then().statusCode(201).extract().path("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", ADMIN).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/v1/tenants");
            page.then().statusCode(200);
            List<String> ids = page.path("data.id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.path("next_cursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsAll(mine);
    }

    @Test
    void tenantKeyIsForbiddenOnAdminEndpoints() {
        Response created = createTenant("tenant with key", List.of("lobby"));
        String key = created.path("api_key");
        String id = created.path("id");
        given().header("Authorization", "Bearer " + key).get("/v1/tenants").then().statusCode(403)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(403));
        given().header("Authorization", "Bearer " + key).get("/v1/tenants/" + id).then().statusCode(403);
        given().header("Authorization", "Bearer " + key).post("/v1/tenants/" + id + "/api-keys").then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "channels", List.of("*"))).post("/v1/tenants").then().statusCode(403);
    }

    @Test
    void missingOrWrongKeysAnswer401WithBearerChallenge() {
        for (String header : new String[] {null, "", "Bearer", "Bearer ", "Basic dGVzdDp0ZXN0", "Bearer nope",
                "Bearer hg_aaaaaaaaaaaaaaaa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                ADMIN + "x", "Bearer  test-admin-key-0123456789abcdef"}) {
            var request = given();
            if (header != null) {
                request.header("Authorization", header);
            }
            request.get("/v1/tenants").then().statusCode(401)
                    .header("WWW-Authenticate", equalTo("Bearer"))
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(401));
        }
    }

    @Test
    void revokedKeyIsRefusedWhileTheTenantsOtherKeysStillWork() {
        Response created = createTenant("rotating", List.of("*"));
        String id = created.path("id");
        String first = created.path("api_key");
        Response second = given().header("Authorization", ADMIN).post("/v1/tenants/" + id + "/api-keys");
        second.then().statusCode(201).body("api_key", startsWith("hg_"));
        String firstKeyId = given().header("Authorization", ADMIN).get("/v1/tenants/" + id + "/api-keys")
                .then().statusCode(200).body("data.size()", equalTo(2)).body("data[0].revoked_at", equalTo(null))
                .extract().path("data[0].id");
        assertThat(first).startsWith("hg_" + firstKeyId + "_");

        // a tenant key authenticates: it reaches the resource and is refused there for lack of rights
        given().header("Authorization", "Bearer " + first).get("/v1/tenants").then().statusCode(403);
        given().header("Authorization", ADMIN).delete("/v1/tenants/" + id + "/api-keys/" + firstKeyId)
                .then().statusCode(204);
        given().header("Authorization", ADMIN).delete("/v1/tenants/" + id + "/api-keys/" + firstKeyId)
                .then().statusCode(204);
        given().header("Authorization", "Bearer " + first).get("/v1/tenants").then().statusCode(401);
        given().header("Authorization", "Bearer " + second.path("api_key")).get("/v1/tenants").then()
                .statusCode(403);
        given().header("Authorization", ADMIN).get("/v1/tenants/" + id + "/api-keys").then()
                .body("data[0].revoked_at", startsWith("20"));
    }

    @Test
    void deletedTenantsKeysStopWorking() {
        Response created = createTenant("short-lived", List.of("*"));
        given().header("Authorization", ADMIN).delete("/v1/tenants/" + created.path("id")).then().statusCode(204);
        given().header("Authorization", "Bearer " + created.path("api_key")).get("/v1/tenants").then()
                .statusCode(401);
    }

    @Test
    void databaseHoldsOnlyTheHashOfAnApiKey() throws Exception {
        Response created = createTenant("hashed", List.of("*"));
        String key = created.path("api_key");
        String keyId = key.substring(3, key.indexOf('_', 3));
        String secret = key.substring(key.indexOf('_', 3) + 1);

        Row row = pool.preparedQuery("SELECT row_to_json(k)::text AS json, secret_hash FROM api_keys k WHERE id = $1")
                .execute(Tuple.of(keyId)).await().indefinitely().iterator().next();
        String raw = row.getString("json");
        byte[] hash = row.getBuffer("secret_hash").getBytes();
        assertThat(raw).doesNotContain(secret).doesNotContain(key);
        assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(hash).isEqualTo(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        String dump = pool.query("SELECT string_agg(row_to_json(t)::text, ',') FROM tenants t").execute()
                .await().indefinitely().iterator().next().getString(0);
        assertThat(dump).doesNotContain(secret);
    }

    @Test
    void unknownTenantAnswers404ForKeyOperations() {
        String missing = UUID.randomUUID().toString();
        given().header("Authorization", ADMIN).post("/v1/tenants/" + missing + "/api-keys").then().statusCode(404);
        given().header("Authorization", ADMIN).get("/v1/tenants/" + missing + "/api-keys").then().statusCode(404);
        given().header("Authorization", ADMIN).delete("/v1/tenants/" + missing + "/api-keys/abc").then()
                .statusCode(404);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .patch("/v1/tenants/" + missing).then().statusCode(404);
    }
}
