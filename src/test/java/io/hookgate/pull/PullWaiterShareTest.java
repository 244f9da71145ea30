package io.hookgate.pull;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.hookgate.pull.wake.LocalWakeups;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One tenant's idle long-polls and streams cannot take every waiter slot of a replica from the other tenants. */
@QuarkusTest
@TestProfile(PullWaiterShareTest.SmallShare.class)
class PullWaiterShareTest {

    /** A share of 3 of 50 waiters, so a test can fill it with a few connections. */
    public static class SmallShare implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hookgate.pull.max-waiters", "50", "hookgate.pull.max-waiters-per-tenant", "3");
        }
    }

    private static final String CURSOR = "00000000000000000000000000000001";

    @Inject
    LocalWakeups wakeups;

    @Test
    void aTenantAtItsShareGets429WhileAnotherTenantStillLongPollsAndAnEndedWaitFreesTheSlot() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant busy = Api.tenant(room);
        Api.Tenant quiet = Api.tenant(room);
        Api.Subscription busySub = PullApi.pull(busy, List.of(room), null);
        Api.Subscription quietSub = PullApi.pull(quiet, List.of(room), null);
        List<Socket> held = new ArrayList<>();
        try {
            int before = wakeups.size();
            for (int i = 0; i < 3; i++) {
                held.add(PullApi.holdLongPoll(busy, busySub.id(), CURSOR));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> wakeups.size() >= before + 3);

            long asked = System.nanoTime();
            given().auth().oauth2(busy.apiKey()).queryParams(Map.of("wait", 20, "after", CURSOR))
                    .get("/v1/subscriptions/" + busySub.id() + "/messages").then().statusCode(429)
                    .header("Retry-After", "1").contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("this tenant"));
            given().auth().oauth2(busy.apiKey()).get("/v1/subscriptions/" + busySub.id() + "/stream").then()
                    .statusCode(429).contentType(startsWith("application/problem+json"));
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
            // refused before any lookup: a client that retries too soon costs no statement, whatever id it names
            given().auth().oauth2(busy.apiKey()).queryParam("wait", 20)
                    .get("/v1/subscriptions/" + UUID.randomUUID() + "/messages").then().statusCode(429);
            // a read without wait holds no slot and is never refused
            PullApi.read(busy, busySub.id(), Map.of());

            held.add(PullApi.holdLongPoll(quiet, quietSub.id(), CURSOR));
            await().atMost(Duration.ofSeconds(10)).until(() -> wakeups.size() >= before + 4);

            held.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).until(() -> wakeups.size() <= before + 3);
            PullApi.read(busy, busySub.id(), Map.of("wait", 1, "after", CURSOR));
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
