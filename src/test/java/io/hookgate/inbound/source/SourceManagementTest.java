package io.hookgate.inbound.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.hookgate.inbound.InboundApi;
import io.hookgate.subscription.Scope;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Source changes that go through the Panache repository: jsonb and array columns, cursors, vanished rows. */
@QuarkusTest
class SourceManagementTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    SourceRepository repository;

    @Test
    void patchedHmacSettingsAreStoredAndShownAsSent() {
        Api.Tenant tenant = Api.tenant("*");
        String path = "/v1/sources/" + InboundApi.create(tenant, "hmac", "hmac",
                Map.of("header", "X-Signature", "algorithm", "sha256", "encoding", "hex")).id();
        Map<String, Object> next = Map.of("header", "X-Hub-Sig", "algorithm", "sha512", "encoding", "base64",
                "prefix", "sha512=", "delivery_id_header", "X-Delivery");
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("hmac", next))
                .patch(path).then().statusCode(200).body("hmac", equalTo(next));
        given().auth().oauth2(tenant.apiKey()).get(path).then().statusCode(200).body("hmac", equalTo(next));
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body("{}").patch(path)
                .then().statusCode(200).body("hmac", equalTo(next));
        // a number or boolean is not a string here either, as on create (a fuzz found it stored as "true")
        for (Object notText : List.of(true, -1, 1.5)) {
            Map<String, Object> bad = new java.util.HashMap<>(next);
            bad.put("header", notText);
            given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(Map.of("hmac", bad))
                    .patch(path).then().statusCode(422).contentType("application/problem+json");
        }
        given().auth().oauth2(tenant.apiKey()).get(path).then().statusCode(200).body("hmac", equalTo(next));
    }

    @Test
    void patchedEventyayChannelsAreStoredAndStayInsideTheTenantsScope() {
        String room = ChatEvents.channel();
        String other = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room, other);
        String path = "/v1/sources/" + InboundApi.create(tenant, "eventyay", "channels", List.of(room)).id();
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("channels", List.of(room, other))).patch(path).then().statusCode(200)
                .body("channels", equalTo(List.of(room, other)));
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("channels", List.of("elsewhere"))).patch(path).then().statusCode(403);
        given().auth().oauth2(tenant.apiKey()).get(path).then().statusCode(200)
                .body("channels", equalTo(List.of(room, other))).body("hmac", nullValue());
    }

    @Test
    void listPagesThroughOnlyTheCallersSourcesInCreationOrder() {
        Api.Tenant tenant = Api.tenant("*");
        Api.Tenant neighbour = Api.tenant("*");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(InboundApi.create(tenant, "github").id());
            InboundApi.create(neighbour, "gitlab");
        }
        JsonPath first = given().auth().oauth2(tenant.apiKey()).queryParam("limit", 2).get("/v1/sources")
                .then().statusCode(200).extract().jsonPath();
        JsonPath second = given().auth().oauth2(tenant.apiKey()).queryParam("limit", 2)
                .queryParam("cursor", first.getString("next_cursor")).get("/v1/sources")
                .then().statusCode(200).extract().jsonPath();
        List<String> seen = new ArrayList<>(first.getList("data.id", String.class));
        seen.addAll(second.getList("data.id", String.class));
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(second.getString("next_cursor")).isNull();
        given().auth().oauth2(tenant.apiKey()).queryParam("cursor", "garbage").get("/v1/sources").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aPatchOrRotationThatLosesTheRaceToADeleteFindsNothing() {
        Api.Tenant tenant = Api.tenant("*");
        UUID id = UUID.fromString(InboundApi.create(tenant, "github").id());
        Scope scope = Scope.tenant(UUID.fromString(tenant.id()));
        SourceRow found = repository.find(scope, id).await().atMost(WAIT).orElseThrow();
        assertThat(repository.delete(scope, id).await().atMost(WAIT)).isTrue();

        assertThat(repository.update(scope, found.id(), new SourceChanges().name("late"))
                .await().atMost(WAIT)).isEmpty();
        assertThat(repository.rotate(scope, found.id(), locked -> {
            throw new AssertionError("a vanished source has nothing to rotate");
        }).await().atMost(WAIT)).isEmpty();
        assertThat(repository.delete(scope, id).await().atMost(WAIT)).isFalse();
    }

    @Test
    void anotherTenantsScopeFindsChangesAndDeletesNothingInTheRepository() {
        Api.Tenant owner = Api.tenant("*");
        Api.Tenant other = Api.tenant("*");
        UUID id = UUID.fromString(InboundApi.create(owner, "github").id());
        Scope wrong = Scope.tenant(UUID.fromString(other.id()));
        assertThat(repository.find(wrong, id).await().atMost(WAIT)).isEmpty();
        assertThat(repository.update(wrong, id, new SourceChanges().name("stolen")).await().atMost(WAIT)).isEmpty();
        assertThat(repository.delete(wrong, id).await().atMost(WAIT)).isFalse();
        assertThat(repository.find(Scope.tenant(UUID.fromString(owner.id())), id).await().atMost(WAIT))
                .hasValueSatisfying(row -> assertThat(row.name()).isEqualTo("github source"));
    }
}
