package io.hookgate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMappersTest {

    private static final String ADMIN = "Bearer test-admin-key-0123456789abcdef";

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void unexpectedFailureIsAnOpaque500WithACorrelationId() {
        Response response = given().header("Authorization", ADMIN).get("/v1/test-only/failures");
        response.then().statusCode(500).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://hookgate.io/problems/internal-error"))
                .body("detail", startsWith("unexpected error; correlation id "));
        assertThat(response.asString()).doesNotContain("IllegalState", "java.", "secret", "Hidden");
    }

    @Test
    void anonymousCallersCannotProbeForPaths() {
        given().get("/v1/no-such-thing").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        given().header("Authorization", ADMIN).get("/v1/no-such-thing").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void wrongMethodIsAProblem() {
        given().header("Authorization", ADMIN).put("/v1/tenants").then().statusCode(405)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://hookgate.io/problems/method-not-allowed"));
    }

    @Test
    void chunkedBodyOverTheApiLimitIs413() {
        byte[] body = ("{\"name\":\"" + "a".repeat(70 * 1024) + "\",\"channels\":[\"*\"]}")
                .getBytes(StandardCharsets.UTF_8);
        // a stream of unknown length is sent chunked, without Content-Length
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(new ByteArrayInputStream(body)).post("/v1/tenants").then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("request body is larger than 64 KiB"));
    }

    @Test
    void operationsEndpointsNeedNoKey() {
        given().baseUri("http://" + management.getHost() + ":" + management.getPort()).get("/q/health/live")
                .then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void openApiDeclaresTheBearerSchemeForEveryOperation() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("security.bearer", hasItem(org.hamcrest.Matchers.empty()))
                .body("paths.'/v1/tenants'.post.tags", hasItem("Tenants"))
                .body("paths.'/v1/tenants'.post.responses.'201'.description", equalTo("Created"));
    }
}
