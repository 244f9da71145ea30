package io.hookgate.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.hookgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failed authentications are throttled per client address; a valid key is never refused for them. */
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
    void afterTwentyFiveWrongKeysFromAnAddressValidKeysFromItStillSucceed() {
        Api.Tenant tenant = Api.tenant("*");
        for (int i = 0; i < 25; i++) {
            given().header("Authorization", "Bearer wrong-" + i).get("/v1/tenants").then()
                    .statusCode(i < 20 ? 401 : 429);
        }
        given().header("Authorization", TenantsResourceTest.ADMIN).get("/v1/tenants").then().statusCode(200);
        given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions").then().statusCode(200);
        // the valid calls gave the address no allowance back: wrong keys are still throttled
        given().header("Authorization", "Bearer wrong").get("/v1/tenants").then().statusCode(429);
    }

    @Test
    void aThrottledWrongKeyGets429WithRetryAfter() {
        for (int i = 0; i < 20; i++) {
            given().header("Authorization", "Bearer wrong-" + i).get("/v1/tenants").then().statusCode(401);
        }
        given().header("Authorization", "Bearer wrong").get("/v1/tenants").then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", matchesPattern("[1-3]"))
                .body("status", equalTo(429));
        given().get("/v1/tenants").then().statusCode(429);
    }

    @Test
    void successfulCallsDoNotUseTheAllowance() {
        for (int i = 0; i < 30; i++) {
            given().header("Authorization", TenantsResourceTest.ADMIN).get("/v1/tenants").then().statusCode(200);
        }
        given().header("Authorization", "Bearer wrong").get("/v1/tenants").then().statusCode(401);
    }
}
