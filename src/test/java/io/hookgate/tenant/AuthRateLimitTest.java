package io.hookgate.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthRateLimitTest {

    @Inject
    AuthFailureLimiter limiter;

    @BeforeEach
    @AfterEach
    void forgetFailures() {
        limiter.clear();
    }

    @Test
    void twentyFailuresFromOneAddressThenEveryCallGets429() {
        for (int i = 0; i < 20; i++) {
            given().header("Authorization", "Bearer wrong-" + i).get("/v1/tenants").then().statusCode(401);
        }
        given().header("Authorization", "Bearer wrong").get("/v1/tenants").then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", matchesPattern("[1-3]"))
                .body("status", equalTo(429));
        // refused before the key is checked, so a blocked client learns nothing about any key
        given().header("Authorization", TenantsResourceTest.ADMIN).get("/v1/tenants").then().statusCode(429);
    }

    @Test
    void successfulCallsDoNotUseTheAllowance() {
        for (int i = 0; i < 30; i++) {
            given().header("Authorization", TenantsResourceTest.ADMIN).get("/v1/tenants").then().statusCode(200);
        }
        given().header("Authorization", "Bearer wrong").get("/v1/tenants").then().statusCode(401);
    }
}
