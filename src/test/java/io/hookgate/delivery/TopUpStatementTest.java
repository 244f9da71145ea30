package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.hookgate.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A lane's top-up against the real store, inside a transaction that is rolled back (so the running dispatcher never
 * sees its rows): only the given subscriptions' due rows, oldest first, leased to the caller; V12's index serves it.
 */
@QuarkusTest
class TopUpStatementTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    private record Result(List<UUID> leased, long leasedToCaller, String index) {
    }

    @Test
    void aTopUpLeasesOnlyItsSubscriptionsDueRowsOldestFirstAndTheirIndexExists() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            String room = ChatEvents.channel();
            Api.Tenant tenant = Api.tenant(room);
            UUID mine = subscribe(tenant, receiver.url("/a"));
            UUID other = subscribe(tenant, receiver.url("/b"));
            UUID tenantId = UUID.fromString(tenant.id());
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            List<Object[]> rows = List.of(
                    new Object[] {UUID.randomUUID(), mine, now.minusSeconds(3)},
                    new Object[] {UUID.randomUUID(), mine, now.minusSeconds(1)},
                    new Object[] {UUID.randomUUID(), mine, now.minusSeconds(2)},
                    new Object[] {UUID.randomUUID(), mine, now.plusSeconds(60)}, // leased elsewhere, or a later retry
                    new Object[] {UUID.randomUUID(), other, now.minusSeconds(9)});

            Result r = pool.withConnection(conn -> conn.begin().chain(tx -> insert(conn, tenantId, rows)
                    // the planner's pick depends on the table's statistics; what must hold is the index it needs
                    .chain(() -> conn.query("SELECT indexdef FROM pg_indexes"
                            + " WHERE indexname = 'deliveries_pending_by_subscription'").execute())
                    .chain(index -> conn.preparedQuery(DeliveryQueue.TOP_UP)
                            .execute(Tuple.of(2).addArrayOfUUID(new UUID[] {mine}).addDouble(60.0)
                                    .addString("top-up-test"))
                            .chain(leased -> conn.query("SELECT count(*) FROM deliveries"
                                    + " WHERE lease_owner = 'top-up-test' AND next_attempt_at > now()").execute()
                                    .map(count -> result(leased, count.iterator().next().getLong(0), index))))
                    .call(tx::rollback))).await().atMost(WAIT);

            assertThat(r.leased()).as("the two oldest due rows of the subscription, in due order")
                    .containsExactly((UUID) rows.get(0)[0], (UUID) rows.get(2)[0]);
            assertThat(r.leasedToCaller()).isEqualTo(2);
            assertThat(r.index()).contains("(subscription_id, next_attempt_at) WHERE (status = 'pending'::text)");
        }
    }

    private static UUID subscribe(Api.Tenant tenant, String url) {
        return UUID.fromString(Api.subscribe(tenant, url, List.of("chat.message"), null, null).id());
    }

    private static Result result(RowSet<Row> leased, long leasedToCaller, RowSet<Row> index) {
        List<UUID> ids = new ArrayList<>();
        leased.forEach(row -> ids.add(row.getUUID("id")));
        StringBuilder text = new StringBuilder();
        index.forEach(row -> text.append(row.getString(0)).append('\n'));
        return new Result(ids, leasedToCaller, text.toString());
    }

    private static Uni<Void> insert(SqlConnection conn, UUID tenantId, List<Object[]> rows) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Object[] r : rows) {
            String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
            chain = chain.chain(() -> conn.preparedQuery("INSERT INTO events (id, event_type, channel, occurred_at,"
                    + " occurred_at_text, payload) VALUES ($1, 'chat.message', 'room', $2, $3, '{}')")
                    .execute(Tuple.of(eventId, at, at.toInstant().toString()))
                    .chain(() -> conn.preparedQuery("INSERT INTO deliveries (id, event_id, subscription_id, tenant_id,"
                            + " event_type, status, next_attempt_at, source_at)"
                            + " VALUES ($1, $2, $3, $4, 'chat.message', 'pending', $5, $6)")
                            .execute(Tuple.from(new Object[] {r[0], eventId, r[1], tenantId, r[2], at})))
                    .replaceWithVoid());
        }
        return chain;
    }
}
