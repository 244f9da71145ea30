package io.hookgate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void openApiDocumentValidatesAndDescribesEveryEndpointWithBearerAuth() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).containsKeys(
                "/v1/tenants", "/v1/tenants/{id}", "/v1/tenants/{id}/api-keys", "/v1/tenants/{id}/api-keys/{key_id}",
                "/v1/api-keys", "/v1/api-keys/{id}",
                "/v1/event-types", "/v1/subscriptions", "/v1/subscriptions/{id}",
                "/v1/subscriptions/{id}/rotate-secret", "/v1/subscriptions/{id}/ping",
                "/v1/subscriptions/{id}/deliveries", "/v1/subscriptions/{id}/recover",
                "/v1/deliveries/{id}", "/v1/deliveries/{id}/redeliver", "/v1/events",
                "/v1/sources", "/v1/sources/{id}", "/v1/sources/{id}/rotate-secret", "/v1/sources/{id}/routes",
                "/v1/sources/{id}/routes/{routeId}", "/v1/route-defaults", "/v1/inbound/{source_id}",
                "/v1/subscriptions/{id}/messages", "/v1/subscriptions/{id}/stream",
                "/v1/subscriptions/{id}/consumers", "/v1/subscriptions/{id}/consumers/{name}");
        var stream = result.getOpenAPI().getPaths().get("/v1/subscriptions/{id}/stream").getGet();
        assertThat(stream.getResponses().get("200").getContent()).containsKey("text/event-stream");
        // the ingest endpoint is authenticated by the source's signature, never by an API key
        var ingest = result.getOpenAPI().getPaths().get("/v1/inbound/{source_id}");
        assertThat(ingest.getPost().getSecurity()).isEmpty();
        assertThat(ingest.getGet().getSecurity()).isEmpty();
        assertThat(ingest.getPost().getResponses()).containsKeys("202", "401", "404", "413", "503");
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("bearer");
        result.getOpenAPI().getPaths().forEach((path, item) -> item.readOperations().forEach(op ->
                assertThat(op.getSummary()).as("summary of an operation on %s", path).isNotBlank()));
        var schemas = result.getOpenAPI().getComponents().getSchemas();
        assertThat(schemas.get("CreateSubscriptionRequest").getProperties()).containsKeys("mode", "retention");
        // a black-box fuzz sent the nameSent and channelsSent the document listed, and got 400 unknown field
        assertThat(schemas.get("UpdateTenant").getProperties()).containsOnlyKeys("name", "channels");
        assertThat(schemas.get("SubscriptionView").getProperties()).containsKeys("mode", "retention");
        assertThat(schemas.get("PullMessage").getProperties()).containsKeys("cursor", "webhook_id",
                "webhook_timestamp", "webhook_signature", "event_type", "body");
        for (String schema : java.util.List.of("CreateSubscriptionRequest", "SubscriptionView")) {
            assertThat(schemas.get(schema).getProperties()).as(schema).containsKey("expire_after");
            assertThat(((io.swagger.v3.oas.models.media.Schema<?>) schemas.get(schema).getProperties()
                    .get("expire_after")).getDescription()).as(schema + ".expire_after").contains("1s to 7d");
        }
    }
}
