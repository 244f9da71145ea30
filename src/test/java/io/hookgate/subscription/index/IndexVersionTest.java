package io.hookgate.subscription.index;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.challenge.ChallengeReceiver;
import io.hookgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The subscriber index version moves only when something matching uses changes, so no-op writes never make
 * every replica reload its index. The database triggers decide, so every write path is covered.
 */
@QuarkusTest
class IndexVersionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Test
    void patchesThatChangeNothingMatchingUsesLeaveTheVersionAlone() throws Exception {
        Api.Tenant tenant = Api.tenant("room-a", "room-b");
        try (ChallengeReceiver receiver = ChallengeReceiver.jsonEcho()) {
            Api.Subscription sub = Api.subscribe(tenant, receiver.url(), List.of("chat.message"),
                    List.of("room-a"), null);
            long before = version();
            for (int i = 0; i < 5; i++) {
                patch(tenant, sub.id(), Map.of("description", "note " + i));
                patch(tenant, sub.id(), Map.of("event_types", List.of("chat.message"), "channels", List.of("room-a"),
                        "status", "active", "format", "standard"));
                given().auth().oauth2(tenant.apiKey()).delete("/v1/subscriptions/" + UUID.randomUUID())
                        .then().statusCode(404);
            }
            assertThat(version()).as("index version after 10 PATCHes that change no matching column and 5 DELETEs of nothing")
                    .isEqualTo(before);
        }
    }

    @Test
    void patchThatChangesMatchingBumpsTheVersion() throws Exception {
        Api.Tenant tenant = Api.tenant("*");
        try (ChallengeReceiver receiver = ChallengeReceiver.jsonEcho()) {
            Api.Subscription sub = Api.subscribe(tenant, receiver.url(), List.of("chat.message"), null, null);
            long before = version();
            patch(tenant, sub.id(), Map.of("event_types", List.of("chat.message", "chat.reaction")));
            assertThat(version()).isGreaterThan(before);
            long afterTypes = version();
            patch(tenant, sub.id(), Map.of("status", "disabled"));
            assertThat(version()).isGreaterThan(afterTypes);
        }
    }

    @Test
    void tenantRenameLeavesTheVersionAloneAndAChannelChangeBumpsIt() {
        Api.Tenant tenant = Api.tenant("room-a");
        long before = version();
        patchTenant(tenant, Map.of("name", "renamed-" + UUID.randomUUID()));
        patchTenant(tenant, Map.of("channels", List.of("room-a")));
        assertThat(version()).isEqualTo(before);
        patchTenant(tenant, Map.of("channels", List.of("room-a", "room-b")));
        assertThat(version()).isGreaterThan(before);
    }

    @Test
    void oneStatementBumpsOnceWhateverTheNumberOfRowsItChanges() throws Exception {
        Api.Tenant tenant = Api.tenant("*");
        try (ChallengeReceiver receiver = ChallengeReceiver.jsonEcho()) {
            for (int i = 0; i < 3; i++) {
                Api.subscribe(tenant, receiver.url(), List.of("chat.message"), null, null);
            }
        }
        UUID tenantId = UUID.fromString(tenant.id());
        // repeatable read: the versions seen are this transaction's own, whatever other tests commit meanwhile
        long[] bumps = pool.withTransaction(tx -> tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                .execute()
                .chain(() -> version(tx))
                .chain(start -> update(tx, "UPDATE subscriptions SET description = 'x', event_types = event_types,"
                        + " status = status WHERE tenant_id = $1", tenantId)
                        .chain(() -> version(tx)).map(v -> v - start)
                        .chain(noOp -> update(tx, "UPDATE subscriptions SET event_types = '{chat.reaction}'"
                                + " WHERE tenant_id = $1", tenantId)
                                .chain(() -> version(tx)).map(v -> new long[] {noOp, v - start}))))
                .await().atMost(WAIT);
        assertThat(bumps[0]).as("bumps of a 3-row statement that changes no matching column").isZero();
        assertThat(bumps[1]).as("bumps of a 3-row statement that changes every row's event types").isOne();
    }

    private static void patch(Api.Tenant tenant, String id, Map<String, Object> body) {
        given().auth().oauth2(tenant.apiKey()).contentType(ContentType.JSON).body(body)
                .patch("/v1/subscriptions/" + id).then().statusCode(200);
    }

    private static void patchTenant(Api.Tenant tenant, Map<String, Object> body) {
        given().auth().oauth2(Api.ADMIN_KEY).contentType(ContentType.JSON).body(body)
                .patch("/v1/tenants/" + tenant.id()).then().statusCode(200);
    }

    private long version() {
        return version(pool).await().atMost(WAIT);
    }

    private static io.smallrye.mutiny.Uni<Long> version(SqlClient client) {
        return client.query("SELECT version FROM index_version").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static io.smallrye.mutiny.Uni<Void> update(SqlClient client, String sql, UUID tenantId) {
        return client.preparedQuery(sql).execute(Tuple.of(tenantId)).replaceWithVoid();
    }
}
