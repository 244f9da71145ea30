package io.hookgate.inbound.routes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.hookgate.api.ProblemException;
import io.hookgate.inbound.InboundApi;
import io.hookgate.inbound.source.SourceRepository;
import io.hookgate.inbound.source.SourceRow;
import io.hookgate.subscription.Scope;
import io.hookgate.support.Api;
import io.hookgate.support.AtOnce;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Routes and route defaults through the Panache repository: tenant scope, vanished sources, limits, unknown tenants. */
@QuarkusTest
class RoutesApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String REPO = "octo-org/hello-world";

    @Inject
    RouteRepository routes;
    @Inject
    SourceRepository sources;
    @Inject
    Pool pool;

    @Test
    void anotherTenantsRouteIsNotFoundEvenThroughTheCallersOwnSource() {
        Api.Tenant owner = Api.tenant("*");
        Api.Tenant other = Api.tenant("*");
        InboundApi.Source ownerSource = InboundApi.create(owner, "github");
        InboundApi.Source otherSource = InboundApi.create(other, "github");
        String routeId = InboundApi.route(owner, ownerSource, REPO, "room", null);

        given().auth().oauth2(other.apiKey()).delete("/v1/sources/" + otherSource.id() + "/routes/" + routeId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other.apiKey()).delete("/v1/sources/" + ownerSource.id() + "/routes/" + routeId)
                .then().statusCode(404);
        given().auth().oauth2(other.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("repository", REPO, "channel", "room"))
                .post("/v1/sources/" + ownerSource.id() + "/routes").then().statusCode(404);
        given().auth().oauth2(other.apiKey()).get("/v1/sources/" + otherSource.id() + "/routes").then()
                .statusCode(200).body("data", equalTo(List.of()));
        given().auth().oauth2(owner.apiKey()).get("/v1/sources/" + ownerSource.id() + "/routes").then()
                .statusCode(200).body("data.id", equalTo(List.of(routeId)))
                .body("data[0].source_id", equalTo(ownerSource.id())).body("data[0].events", equalTo(null));
    }

    @Test
    void aRouteToAChannelOutsideTheTenantIsA403NamingTheChannelField() {
        Api.Tenant tenant = Api.tenant("room-a");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("repository", REPO, "channel", "room-b"))
                .post("/v1/sources/" + source.id() + "/routes").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("channel is outside the tenant's allowed channels"));
    }

    @Test
    void aRouteAddedToASourceDeletedMeanwhileIsA404NotAForeignKeyError() {
        Api.Tenant tenant = Api.tenant("*");
        UUID id = UUID.fromString(InboundApi.create(tenant, "github").id());
        Scope scope = Scope.tenant(UUID.fromString(tenant.id()));
        SourceRow found = sources.find(scope, id).await().atMost(WAIT).orElseThrow();
        given().auth().oauth2(tenant.apiKey()).delete("/v1/sources/" + id).then().statusCode(204);

        Throwable failure = routes.insert(found, UUID.randomUUID(), REPO, "room", List.of("push"), 500)
                .onItem().<Throwable>transform(ignored -> null).onFailure().recoverWithItem(e -> e)
                .await().atMost(WAIT);
        assertThat(failure).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.status()).isEqualTo(404));
        assertThat(routes.forSource(found).await().atMost(WAIT)).isEmpty();
    }

    @Test
    void concurrentCreatesNeverTakeASourcePastItsRouteLimit() throws Exception {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        UUID sourceId = UUID.fromString(source.id());
        int room = 5;
        // fill to the limit less five in one statement: 495 API calls would only slow the test down
        pool.preparedQuery("INSERT INTO inbound_routes (id, source_id, repository, channel)"
                + " SELECT gen_random_uuid(), $1, 'octo-org/r' || n, 'room' FROM generate_series(1, $2) AS n")
                .execute(Tuple.of(sourceId, RouteService.MAX_ROUTES - room)).await().atMost(WAIT);

        List<Integer> statuses = AtOnce.run(20, i -> given().auth().oauth2(tenant.apiKey())
                .contentType(ContentType.JSON).body(Map.of("repository", "octo-org/late" + i, "channel", "room"))
                .post("/v1/sources/" + source.id() + "/routes").then().extract().statusCode());

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(room);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(20 - room);
        Long stored = pool.preparedQuery("SELECT count(*) FROM inbound_routes WHERE source_id = $1")
                .execute(Tuple.of(sourceId)).await().atMost(WAIT).iterator().next().getLong(0);
        assertThat(stored).isEqualTo(RouteService.MAX_ROUTES);
    }

    @Test
    void defaultsForATenantThatDoesNotExistAreA404AndTheAdminMustNameOne() {
        given().auth().oauth2(Api.ADMIN_KEY).contentType(ContentType.JSON).queryParam("tenant_id",
                UUID.randomUUID().toString()).body(Map.of("events", List.of("push"))).put("/v1/route-defaults")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Api.ADMIN_KEY).get("/v1/route-defaults").then().statusCode(422);
        Api.Tenant tenant = Api.tenant("*");
        given().auth().oauth2(Api.ADMIN_KEY).queryParam("tenant_id", tenant.id()).get("/v1/route-defaults")
                .then().statusCode(200).body("events", equalTo(List.of("commit_comment", "issue_comment", "issues",
                        "pull_request", "pull_request_review_comment", "push")));
        given().auth().oauth2(Api.ADMIN_KEY).contentType(ContentType.JSON).queryParam("tenant_id", tenant.id())
                .body(Map.of("events", List.of("*"))).put("/v1/route-defaults").then().statusCode(200)
                .body("events", equalTo(List.of("*")));
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("events", List.of("release", "push", "push"))).put("/v1/route-defaults").then()
                .statusCode(200).body("events", equalTo(List.of("push", "release")));
    }
}
