package io.hookgate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OversizedBodyOutsideApiTest {

    @Test
    void oversizedBodyOnAPathOutsideTheApiStillGetsAProblem() {
        given().contentType("application/json").body(new byte[2 * 1024 * 1024])
                .post("/v2/subscriptions")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }
}
