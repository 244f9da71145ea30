package io.hookgate.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The session-free lookup pull reads use gives exactly the row Hibernate gives, within the same tenant scope. */
@QuarkusTest
class SubscriptionLookupTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    SubscriptionLookup lookup;

    @Inject
    SubscriptionRepository repository;

    @Test
    void givesTheSameRowAsHibernateWithEveryColumnSet() {
        Api.Tenant tenant = Api.tenant("room-1", "room-2");
        UUID id = UUID.fromString(given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("mode", "pull", "event_types", List.of("chat.message"), "channels", List.of("room-2"),
                        "description", "lookup", "retention", Map.of("max_messages", 10, "max_bytes", 4096,
                                "max_age", "1h")))
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id"));
        // a rotation fills the previous-secret columns
        given().auth().oauth2(tenant.apiKey()).post("/v1/subscriptions/" + id + "/rotate-secret").then()
                .statusCode(200);

        Optional<SubscriptionRow> expected = repository.find(Scope.all(), id).await().atMost(WAIT);
        Optional<SubscriptionRow> actual = lookup.find(Scope.tenant(UUID.fromString(tenant.id())), id)
                .await().atMost(WAIT);
        assertThat(expected).isPresent();
        assertThat(actual).isPresent();
        assertThat(actual.get().previousCiphertext()).isNotNull();
        assertThat(actual.get()).usingRecursiveComparison().isEqualTo(expected.get());
    }

    @Test
    void anotherTenantsSubscriptionIsNotFound() {
        Api.Tenant owner = Api.tenant("*");
        Api.Tenant other = Api.tenant("*");
        UUID id = UUID.fromString(given().auth().oauth2(owner.apiKey()).contentType(ContentType.JSON)
                .body(Map.of("mode", "pull", "event_types", List.of("chat.message")))
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id"));
        assertThat(lookup.find(Scope.tenant(UUID.fromString(other.id())), id).await().atMost(WAIT)).isEmpty();
        assertThat(lookup.find(Scope.tenant(UUID.fromString(owner.id())), id).await().atMost(WAIT)).isPresent();
        assertThat(lookup.find(Scope.all(), UUID.randomUUID()).await().atMost(WAIT)).isEmpty();
    }
}
