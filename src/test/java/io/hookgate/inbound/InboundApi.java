package io.hookgate.inbound;

import static io.restassured.RestAssured.given;

import io.hookgate.support.Api;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Inbound sources and routes through the management API, as an operator would create them. */
public final class InboundApi {

    private InboundApi() {
    }

    /** A created source: its id, ingest path and the secret shown once. */
    public record Source(String id, String ingestUrl, String secret) {
        public String path() {
            return "/v1/inbound/" + id;
        }
    }

    public static Source create(Api.Tenant tenant, Map<String, Object> body) {
        JsonPath json = given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(body)
                .post("/v1/sources").then().statusCode(201).extract().jsonPath();
        return new Source(json.getString("id"), json.getString("ingest_url"), json.getString("secret"));
    }

    public static Source create(Api.Tenant tenant, String type, Object... more) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("name", type + " source");
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return create(tenant, body);
    }

    /** A route; {@code events} null = the tenant's defaults. */
    public static String route(Api.Tenant tenant, Source source, String repository, String channel,
            List<String> events) {
        Map<String, Object> body = new HashMap<>();
        body.put("repository", repository);
        body.put("channel", channel);
        if (events != null) {
            body.put("events", events);
        }
        return given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(body)
                .post("/v1/sources/" + source.id() + "/routes").then().statusCode(201).extract().path("id");
    }
}
