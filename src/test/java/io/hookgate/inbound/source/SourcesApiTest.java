package io.hookgate.inbound.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.hookgate.inbound.InboundApi;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /v1/sources}: tenant-scoped CRUD, secrets shown once and sealed at rest, problem answers for bad input. */
@QuarkusTest
class SourcesApiTest {

    @Inject
    Pool pool;

    @Test
    void createShowsTheGeneratedSecretOnceAndTheIngestUrl() {
        Api.Tenant tenant = Api.tenant("*");
        var created = given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("type", "github", "name", "acme/widgets")).post("/v1/sources").then().statusCode(201)
                .body("type", equalTo("github")).body("name", equalTo("acme/widgets"))
                .body("secret", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("ingest_url", startsWith("http")).body("tenant_id", equalTo(tenant.id()))
                .extract().jsonPath();
        String id = created.getString("id");
        assertThat(created.getString("ingest_url")).endsWith("/v1/inbound/" + id);

        given().auth().oauth2(tenant.apiKey()).get("/v1/sources/" + id).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body("ingest_url", endsWith("/v1/inbound/" + id));
        given().auth().oauth2(tenant.apiKey()).get("/v1/sources").then().statusCode(200)
                .body("data.id", hasItem(id)).body("data[0]", not(hasKey("secret")));
    }

    @Test
    void secretIsEncryptedAtRest() {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "gitlab");
        byte[] stored = pool.preparedQuery("SELECT secret_ciphertext FROM inbound_sources WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(source.id()))).await().indefinitely()
                .iterator().next().getBuffer("secret_ciphertext").getBytes();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(source.secret());
    }

    @Test
    void standardWebhooksSourcesGetWhsecSecrets() {
        Api.Tenant tenant = Api.tenant("*");
        assertThat(InboundApi.create(tenant, "standard-webhooks").secret()).startsWith("whsec_");
    }

    @Test
    void anotherTenantsSourceIsNotFoundForEveryOperation() {
        Api.Tenant owner = Api.tenant("*");
        Api.Tenant other = Api.tenant("*");
        String path = "/v1/sources/" + InboundApi.create(owner, "github").id();
        given().auth().oauth2(other.apiKey()).get(path).then().statusCode(404);
        given().auth().oauth2(other.apiKey()).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .patch(path).then().statusCode(404);
        given().auth().oauth2(other.apiKey()).post(path + "/rotate-secret").then().statusCode(404);
        given().auth().oauth2(other.apiKey()).delete(path).then().statusCode(404);
        given().auth().oauth2(other.apiKey()).get("/v1/sources").then().statusCode(200)
                .body("data.id", not(hasItem(path.substring(12))));
        given().auth().oauth2(owner.apiKey()).get(path).then().statusCode(200);
    }

    @Test
    void invalidInputIsAProblemListingEveryField() {
        Api.Tenant tenant = Api.tenant("*");
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("type", "svn", "name", "", "allow_cidrs", List.of("10.0.0.0/33")))
                .post("/v1/sources").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("type")).body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("allow_cidrs[0]"));
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("type", "hmac", "name", "q", "hmac", Map.of("header", "Host", "algorithm", "md5",
                        "encoding", "hex")))
                .post("/v1/sources").then().statusCode(422)
                .body("errors.field", hasItem("hmac.header")).body("errors.field", hasItem("hmac.algorithm"));
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("type", "github", "name", "x", "secret", "short"))
                .post("/v1/sources").then().statusCode(422).body("errors.field", hasItem("secret"))
                .body("detail", not(org.hamcrest.Matchers.containsString("short")));
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body("{\"type\":\"github\",\"name\":\"x\",\"surprise\":1}")
                .post("/v1/sources").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body("{\"type\":")
                .post("/v1/sources").then().statusCode(400);
        given().auth().oauth2(tenant.apiKey()).get("/v1/sources/not-a-uuid").then().statusCode(404);
    }

    @Test
    void eventyayChannelsMustLieInTheTenantsScope() {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("type", "eventyay", "name", "room", "channels", List.of("elsewhere")))
                .post("/v1/sources").then().statusCode(403);
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("type", "eventyay", "name", "room")).post("/v1/sources").then().statusCode(422)
                .body("errors.field", hasItem("channels"));
        InboundApi.create(tenant, "eventyay", "channels", List.of(room));
    }

    @Test
    void patchChangesNameAndAddressRangesAndDeleteRemovesTheSource() {
        Api.Tenant tenant = Api.tenant("*");
        String path = "/v1/sources/" + InboundApi.create(tenant, "github").id();
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("name", "renamed", "allow_cidrs", List.of("192.0.2.0/24", "2001:db8::/32")))
                .patch(path).then().statusCode(200).body("name", equalTo("renamed"))
                .body("allow_cidrs", equalTo(List.of("192.0.2.0/24", "2001:db8:0:0:0:0:0:0/32")));
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body("{\"allow_cidrs\":null}")
                .patch(path).then().statusCode(200).body("allow_cidrs", nullValue());
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("type", "gitlab"))
                .patch(path).then().statusCode(400);
        given().auth().oauth2(tenant.apiKey()).delete(path).then().statusCode(204);
        given().auth().oauth2(tenant.apiKey()).get(path).then().statusCode(404);
    }

    @Test
    void rotationReturnsTheNewSecretAndTheOverlapEnd() {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        String next = given().auth().oauth2(tenant.apiKey()).post("/v1/sources/" + source.id() + "/rotate-secret")
                .then().statusCode(200).body("previous_secret_expires_at", not(nullValue()))
                .extract().path("secret");
        assertThat(next).hasSize(43).isNotEqualTo(source.secret());
        String supplied = "s".repeat(30);
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("secret", supplied))
                .post("/v1/sources/" + source.id() + "/rotate-secret").then().statusCode(200)
                .body("secret", equalTo(supplied));
    }

    @Test
    void theAdminMustNameTheTenant() {
        Api.Tenant tenant = Api.tenant("*");
        given().auth().oauth2(Api.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("type", "github", "name", "x")).post("/v1/sources").then().statusCode(422)
                .body("errors.field", hasItem("tenant_id"));
        given().auth().oauth2(Api.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("type", "github", "name", "x", "tenant_id", tenant.id())).post("/v1/sources")
                .then().statusCode(201).body("tenant_id", equalTo(tenant.id()));
    }
}
