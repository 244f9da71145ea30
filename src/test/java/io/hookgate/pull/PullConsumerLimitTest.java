package io.hookgate.pull;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.pull.consumer.Consumers;
import io.hookgate.support.Api;
import io.hookgate.support.AtOnce;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A subscription has at most 100 named consumers, however many first commits arrive at once. */
@QuarkusTest
class PullConsumerLimitTest {

    private static final String CURSOR = "00000000000000000000000000000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Test
    void concurrentFirstCommitsNeverTakeASubscriptionPastItsConsumerLimit() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        UUID subscriptionId = UUID.fromString(sub.id());
        int free = 5;
        // fill to the limit less five in one statement, as many API calls would only slow the test down
        pool.preparedQuery("INSERT INTO pull_consumers (subscription_id, name, cursor)"
                + " SELECT $1, 'early-' || n, $2 FROM generate_series(1, $3) AS n")
                .execute(Tuple.of(subscriptionId, CURSOR, Consumers.MAX_PER_SUBSCRIPTION - free))
                .await().atMost(WAIT);

        List<Integer> statuses = AtOnce.run(20, i -> given().auth().oauth2(tenant.apiKey())
                .contentType(ContentType.JSON).body(Map.of("cursor", CURSOR))
                .put("/v1/subscriptions/" + sub.id() + "/consumers/late-" + i).then().extract().statusCode());

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(free);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(20 - free);
        Long stored = pool.preparedQuery("SELECT count(*) FROM pull_consumers WHERE subscription_id = $1")
                .execute(Tuple.of(subscriptionId)).await().atMost(WAIT).iterator().next().getLong(0);
        assertThat(stored).isEqualTo(Consumers.MAX_PER_SUBSCRIPTION);
        // at the limit, an existing consumer still commits
        PullApi.commit(tenant, sub.id(), "early-1", CURSOR);
    }
}
