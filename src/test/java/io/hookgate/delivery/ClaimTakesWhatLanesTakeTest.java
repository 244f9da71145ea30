package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.NoPolling;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A claim round leases only what the lanes take (issue 16). In the backlog drain every round leased 256 rows for a
 * lane that could take 72, and handed the other 184 back: two writes and two dead index entries per row for nothing,
 * 140,000 such rows in a 60,000-record drain.
 */
@QuarkusTest
@TestProfile(NoPolling.class)
class ClaimTakesWhatLanesTakeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int BACKLOG = 300;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Pool pool;

    @Test
    void aClaimRoundOverABacklogForOneHangingEndpointChangesNoRowItDoesNotLease() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        try (Receiver hanging = Receiver.ok()) {
            UUID subscription = UUID.fromString(
                    Api.subscribe(tenant, hanging.url("/hang"), List.of("chat.message"), List.of(room), null).id());
            hanging.behave(n -> Receiver.hang());
            backlog(subscription, UUID.fromString(tenant.id()), room);
            List<Row> before = rows(subscription);

            dispatcher.wake();

            await().atMost(WAIT).until(() -> hanging.requests("/hang").size() >= 1);
            List<Row> after = rows(subscription);
            long leased = after.stream().filter(r -> r.getString("lease_owner") != null).count();
            long changed = after.stream().filter(r -> !r.getString("x").equals(xminOf(before, r.getUUID("id")))).count();
            assertThat(leased).as("a lane that knows no latency yet starts its limit and queues as many").isEqualTo(16);
            assertThat(changed).as("rows written by the claim round (leased, or leased and handed back)")
                    .isEqualTo(leased);
        }
    }

    /** BACKLOG pending deliveries to the subscription, all due a minute ago, as an outage leaves them. */
    private void backlog(UUID subscription, UUID tenant, String room) {
        String prefix = "evt_claim_" + UUID.randomUUID().toString().replace("-", "");
        pool.preparedQuery("""
                WITH e AS (
                    INSERT INTO events (id, event_type, channel, occurred_at, occurred_at_text, payload)
                    SELECT $1 || g, 'chat.message', $2, now(), '2026-12-05T00:00:00Z', '{"id":"' || $1 || g || '"}'
                      FROM generate_series(1, $3) g
                    RETURNING id)
                INSERT INTO deliveries (id, event_id, subscription_id, tenant_id, event_type, status, next_attempt_at,
                                        source_at)
                SELECT gen_random_uuid(), e.id, $4, $5, 'chat.message', 'pending', now() - interval '1 minute', now()
                  FROM e""").execute(Tuple.of(prefix, room, BACKLOG, subscription, tenant)).await().atMost(WAIT);
    }

    private List<Row> rows(UUID subscription) {
        List<Row> out = new java.util.ArrayList<>();
        pool.preparedQuery("SELECT id, xmin::text AS x, lease_owner FROM deliveries WHERE subscription_id = $1")
                .execute(Tuple.of(subscription)).await().atMost(WAIT).forEach(out::add);
        assertThat(out).hasSize(BACKLOG);
        return out;
    }

    private static String xminOf(List<Row> rows, UUID id) {
        return rows.stream().filter(r -> r.getUUID("id").equals(id)).findFirst().orElseThrow().getString("x");
    }
}
