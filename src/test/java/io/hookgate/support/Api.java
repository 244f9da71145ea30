package io.hookgate.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The management API as a test drives it: through HTTP, with the same keys a user would have. */
public final class Api {

    public static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";

    private Api() {
    }

    public record Tenant(String id, String apiKey) {
    }

    public record Subscription(String id, String secret) {
    }

    /** A fresh tenant allowed on the given channels (or "*"); fresh ids keep tests independent. */
    public static Tenant tenant(String... channels) {
        JsonPath body = given().auth().oauth2(ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "tenant-" + UUID.randomUUID(), "channels", List.of(channels)))
                .post("/v1/tenants").then().statusCode(201).extract().jsonPath();
        return new Tenant(body.getString("id"), body.getString("api_key"));
    }

    public static Subscription subscribe(Tenant tenant, String url, List<String> eventTypes, List<String> channels,
            String format) {
        Map<String, Object> request = new HashMap<>();
        request.put("url", url);
        request.put("event_types", eventTypes);
        if (channels != null) {
            request.put("channels", channels);
        }
        if (format != null) {
            request.put("format", format);
        }
        JsonPath body = given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(request)
                .post("/v1/subscriptions").then().statusCode(201).extract().jsonPath();
        return new Subscription(body.getString("id"), body.getString("secret"));
    }

    public static JsonPath delivery(Tenant tenant, String deliveryId) {
        return given().auth().oauth2(tenant.apiKey()).get("/v1/deliveries/" + deliveryId)
                .then().statusCode(200).extract().jsonPath();
    }

    public static List<Map<String, Object>> deliveries(Tenant tenant, String subscriptionId) {
        return given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions/" + subscriptionId + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("data");
    }

    public static JsonPath subscription(Tenant tenant, String subscriptionId) {
        return given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions/" + subscriptionId)
                .then().statusCode(200).extract().jsonPath();
    }
}
