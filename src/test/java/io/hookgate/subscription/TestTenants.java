package io.hookgate.subscription;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tenants and requests as a test drives them: through HTTP, with real keys; rows read back through the pool. */
final class TestTenants {

    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";

    record Tenant(UUID id, String apiKey) {
    }

    private TestTenants() {
    }

    /** A fresh tenant on the given channels ("*" for all); fresh ids keep tests independent. */
    static Tenant tenant(String... channels) {
        JsonPath body = as(ADMIN_KEY)
                .body(Map.of("name", "tenant-" + UUID.randomUUID(), "channels", List.of(channels)))
                .post("/v1/tenants").then().statusCode(201).extract().jsonPath();
        return new Tenant(UUID.fromString(body.getString("id")), body.getString("api_key"));
    }

    static RequestSpecification as(String key) {
        return given().auth().oauth2(key).contentType(ContentType.JSON);
    }

    static RequestSpecification as(Tenant tenant) {
        return as(tenant.apiKey());
    }

    /** A minimal valid create body for this URL. */
    static Map<String, Object> body(String url) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("event_types", List.of("chat.message"));
        return body;
    }

    static long rowsOf(Pool pool, UUID tenantId) {
        return pool.preparedQuery("SELECT count(*) FROM subscriptions WHERE tenant_id = $1")
                .execute(Tuple.of(tenantId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
