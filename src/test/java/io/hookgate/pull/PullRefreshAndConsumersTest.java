package io.hookgate.pull;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.pull.trim.PullTrimmer;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PullRefreshAndConsumersTest {

    @Inject
    PullTrimmer trimmer;
    @Inject
    Pool pool;

    @Test
    void aConsumerBehindRetentionGetsRefreshAndTheFirstRetainedMessageNext() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), Map.of("max_messages", 10));
        PullApi.produce(room, 1, 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> read(tenant, sub, Map.of()).size() == 5);
        String fifth = (String) read(tenant, sub, Map.of()).get(4).get("cursor");
        PullApi.commit(tenant, sub.id(), "slow", fifth);

        PullApi.produce(room, 6, 25);
        await().atMost(Duration.ofSeconds(30)).until(() -> bodies(read(tenant, sub, Map.of("limit", 500)))
                .contains("m25"));
        PullApi.trimUntil(trimmer, () -> read(tenant, sub, Map.of("limit", 500)).size() == 10);

        var page = PullApi.read(tenant, sub.id(), Map.of("consumer", "slow"));
        assertThat(page.getBoolean("refresh")).isTrue();
        List<Map<String, Object>> data = page.getList("data");
        assertThat(data).hasSize(10);
        assertThat((String) data.get(0).get("body")).contains("\"message\": \"m16\"");
        var byAfter = PullApi.read(tenant, sub.id(), Map.of("after", fifth, "limit", 1));
        assertThat(byAfter.getBoolean("refresh")).isTrue();
        assertThat(byAfter.getString("data[0].cursor")).isEqualTo(data.get(0).get("cursor"));
        // from the oldest retained message on, nothing is missing: no refresh
        var fromOldest = PullApi.read(tenant, sub.id(), Map.of());
        assertThat(fromOldest.getBoolean("refresh")).isFalse();
        var caughtUp = PullApi.read(tenant, sub.id(), Map.of("after", data.get(0).get("cursor")));
        assertThat(caughtUp.getBoolean("refresh")).isFalse();
        assertThat(caughtUp.getList("data")).hasSize(9);
    }

    @Test
    void maxBytesDropsTheOldestMessagesUntilTheRestFits() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), Map.of("max_bytes", 1024));
        PullApi.produce(room, 1, 10);
        await().atMost(Duration.ofSeconds(30)).until(() -> bodies(read(tenant, sub, Map.of("limit", 500)))
                .contains("m10"));
        PullApi.trimUntil(trimmer, () -> storedBytes(sub) <= 1024);

        List<Long> sizes = pool.preparedQuery("SELECT bytes FROM pull_messages WHERE subscription_id = $1"
                + " ORDER BY xid, seq").execute(Tuple.of(java.util.UUID.fromString(sub.id())))
                .await().atMost(Duration.ofSeconds(10)).stream().map(r -> (long) r.getInteger("bytes")).toList();
        long kept = sizes.stream().mapToLong(Long::longValue).sum();
        assertThat(kept).isLessThanOrEqualTo(1024);
        // one more of the ~270-byte events would not have fitted: exactly the oldest were dropped
        assertThat(kept + sizes.get(0)).isGreaterThan(1024);
        List<String> left = bodies(read(tenant, sub, Map.of()));
        assertThat(left).hasSize(sizes.size()).last().isEqualTo("m10");
        assertThat(PullApi.read(tenant, sub.id(), Map.of("after", "00000000000000000000000000000001"))
                .getBoolean("refresh")).isTrue();
    }

    @Test
    void namedConsumersAdvanceIndependentlyAndOneThatDoesNotCommitReadsAgain() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        PullApi.produce(room, 1, 6);
        await().atMost(Duration.ofSeconds(30)).until(() -> read(tenant, sub, Map.of()).size() == 6);

        var a = read(tenant, sub, Map.of("consumer", "bot-a", "limit", 4));
        PullApi.commit(tenant, sub.id(), "bot-a", (String) a.get(3).get("cursor"));
        var b = read(tenant, sub, Map.of("consumer", "bot-b", "limit", 2));
        PullApi.commit(tenant, sub.id(), "bot-b", (String) b.get(1).get("cursor"));

        assertThat(bodies(read(tenant, sub, Map.of("consumer", "bot-a")))).containsExactly("m5", "m6");
        assertThat(bodies(read(tenant, sub, Map.of("consumer", "bot-b")))).containsExactly("m3", "m4", "m5", "m6");
        // bot-b read but did not commit: it reads the same messages again
        assertThat(bodies(read(tenant, sub, Map.of("consumer", "bot-b", "limit", 1)))).containsExactly("m3");
        // a consumer that never committed starts at the oldest retained message
        assertThat(bodies(read(tenant, sub, Map.of("consumer", "new-one", "limit", 1)))).containsExactly("m1");

        var listed = given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions/" + sub.id() + "/consumers")
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("data.name")).containsExactly("bot-a", "bot-b");
        assertThat(listed.getList("data.lag", Integer.class)).containsExactly(2, 4);
        assertThat(listed.getList("data.cursor")).containsExactly(a.get(3).get("cursor"), b.get(1).get("cursor"));
        assertThat(listed.getString("data[0].updated_at")).startsWith("20");

        given().auth().oauth2(tenant.apiKey()).delete("/v1/subscriptions/" + sub.id() + "/consumers/bot-a")
                .then().statusCode(204);
        given().auth().oauth2(tenant.apiKey()).delete("/v1/subscriptions/" + sub.id() + "/consumers/bot-a")
                .then().statusCode(404);
        assertThat(given().auth().oauth2(tenant.apiKey()).get("/v1/subscriptions/" + sub.id() + "/consumers")
                .then().statusCode(200).extract().jsonPath().getList("data.name")).containsExactly("bot-b");
    }

    private static List<Map<String, Object>> read(Api.Tenant tenant, Api.Subscription sub, Map<String, ?> query) {
        return PullApi.read(tenant, sub.id(), query).getList("data");
    }

    private static List<String> bodies(List<Map<String, Object>> messages) {
        return messages.stream().map(PullApi::text)
                .toList();
    }

    private long storedBytes(Api.Subscription sub) {
        return pool.preparedQuery("SELECT coalesce(sum(bytes), 0) AS total FROM pull_messages"
                + " WHERE subscription_id = $1")
                .execute(Tuple.of(java.util.UUID.fromString(sub.id()))).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong("total");
    }
}
