package io.hookgate.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.hookgate.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics are served on the management interface only (SPEC section 5, Operations), so the public API
 * port never serves metrics; the API description stays on the API port. The test management port is dynamic
 * (quarkus.management.test-port=0), because other builds on the machine run tests at the same time.
 */
@QuarkusTest
class ManagementPortTest {

    private static final String[] MANAGEMENT_ONLY = {
        "/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started"};

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL api;

    // the injected management URL ends in the management root path (/q/); the test paths carry it themselves
    private static String origin(URL url) {
        return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort();
    }

    @Test
    void managementPortServesHealthAndMetricsWithoutAKey() {
        assertThat(management.getPort()).isNotEqualTo(api.getPort()).isNotEqualTo(9000).isNotEqualTo(9001);
        given().baseUri(origin(management)).get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"));
        given().baseUri(origin(management)).get("/q/health/ready").then().statusCode(200);
        given().baseUri(origin(management)).get("/q/metrics").then().statusCode(200)
                .body(containsString("hookgate_deliveries_pending"))
                .body(containsString("hookgate_pull_statements_queued"));
    }

    @Test
    void apiPortAnswers404ForHealthAndMetrics() {
        for (String path : MANAGEMENT_ONLY) {
            given().baseUri(origin(api)).auth().oauth2(Api.ADMIN_KEY).get(path).then().statusCode(404);
            int anonymous = given().baseUri(origin(api)).get(path).then().extract().statusCode();
            assertThat(anonymous).as("anonymous GET %s on the API port", path).isIn(401, 404);
        }
    }

    @Test
    void apiDescriptionStaysOnTheApiPort() {
        given().baseUri(origin(api)).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/api-keys"));
        given().baseUri(origin(api)).get("/q/swagger-ui/").then().statusCode(200);
        given().baseUri(origin(management)).get("/q/openapi").then().statusCode(404);
    }
}
