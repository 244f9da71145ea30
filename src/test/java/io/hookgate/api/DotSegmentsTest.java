package io.hookgate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A path with a dot segment is refused before any route acts on it: the router resolved {@code …/consumers/..} to
 * the subscription, so a consumer delete deleted the subscription; the same held for a source's routes (the source)
 * and a tenant's keys (the tenant). Sent on a raw socket, because HTTP clients may resolve dot segments themselves.
 */
@QuarkusTest
class DotSegmentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", ".", "%2e"})
    void aDeleteWithADotSegmentIsA400AndDeletesNothing(String dots) throws Exception {
        Api.Tenant tenant = Api.tenant("*");
        String sub = given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("mode", "pull", "event_types", List.of("chat.message"))).post("/v1/subscriptions")
                .then().statusCode(201).extract().path("id");

        String answer = send("DELETE", "/v1/subscriptions/" + sub + "/consumers/" + dots, tenant.apiKey());
        String tenantKeys = send("DELETE", "/v1/tenants/" + tenant.id() + "/api-keys/" + dots, Api.ADMIN_KEY);

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");
        assertThat(tenantKeys).startsWith("HTTP/1.1 400");
        given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions/" + sub).then().statusCode(200);
        given().auth().oauth2(Api.ADMIN_KEY).get("/v1/tenants/" + tenant.id()).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/subscriptions/a..b", "/v1/subscriptions/...", "/v1/subscriptions/.x",
        "/v1/tenants/%2e%2ex"})
    void dotsInsideASegmentAreOrdinaryCharacters(String path) {
        assertThat(DotSegments.hasDotSegment(path)).isFalse();
    }

    private static String send(String method, String path, String key) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
