package io.hookgate.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.hookgate.support.GatewayProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Replay dedupe lives in PostgreSQL: a delivery id accepted before a restart of the packaged gateway is still a
 * duplicate after it, and a second replica on the same database sees it too.
 */
class InboundRestartIT {

    @Test
    void aReplayAfterARestartAndOnAnotherReplicaIsStillADuplicate() throws Exception {
        try (GatewayProcess gateway = new GatewayProcess("inbound-restart", Map.of())) {
            gateway.start();
            String tenantKey = given().baseUri(gateway.baseUrl()).auth().oauth2(GatewayProcess.ADMIN_KEY)
                    .contentType(ContentType.JSON).body(Map.of("name", "inbound", "channels", List.of("*")))
                    .post("/v1/tenants").then().statusCode(201).extract().path("api_key");
            JsonPath source = given().baseUri(gateway.baseUrl()).auth().oauth2(tenantKey)
                    .contentType(ContentType.JSON).body(Map.of("type", "github", "name", "restart"))
                    .post("/v1/sources").then().statusCode(201).extract().jsonPath();
            String path = "/v1/inbound/" + source.getString("id");
            byte[] body = "{\"zen\":\"Keep it logically awesome.\"}".getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = Map.of("X-GitHub-Event", "ping", "X-GitHub-Delivery",
                    UUID.randomUUID().toString(), "X-Hub-Signature-256", sign(source.getString("secret"), body));

            String id = given().baseUri(gateway.baseUrl()).headers(headers).contentType(ContentType.JSON)
                    .body(body).post(path).then().statusCode(202).body("duplicate", nullValue())
                    .extract().path("id");
            gateway.stop();
            gateway.start();
            given().baseUri(gateway.baseUrl()).headers(headers).contentType(ContentType.JSON).body(body)
                    .post(path).then().statusCode(202).body("duplicate", equalTo(true)).body("id", equalTo(id));

            try (GatewayProcess replica = new GatewayProcess("inbound-replica", gateway.databaseEnv())) {
                replica.start();
                given().baseUri(replica.baseUrl()).headers(headers).contentType(ContentType.JSON).body(body)
                        .post(path).then().statusCode(202).body("duplicate", equalTo(true)).body("id", equalTo(id));
            }
            assertThat(id).isNotBlank();
        }
    }

    private static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
