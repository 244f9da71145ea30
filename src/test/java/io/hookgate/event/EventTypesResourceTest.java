package io.hookgate.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventTypesResourceTest {

    private static final String ADMIN = "Bearer test-admin-key-0123456789abcdef";

    @Test
    void anyValidKeyReadsTheCatalogWithSchemas() {
        String tenantKey = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "catalog reader", "channels", List.of("lobby")))
                .post("/v1/tenants").then().statusCode(201).extract().path("api_key");
        for (String key : List.of(ADMIN, "Bearer " + tenantKey)) {
            given().header("Authorization", key).get("/v1/event-types").then().statusCode(200)
                    .body("name", hasItems("chat.message", "chat.reaction", "webhook.ping"))
                    .body("find { it.name == 'chat.message' }.description", notNullValue())
                    .body("find { it.name == 'chat.message' }.schema.type", equalTo("object"));
        }
    }

    @Test
    void catalogNeedsAKey() {
        given().get("/v1/event-types").then().statusCode(401);
    }
}
