package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The claim is a cached prepared statement; left alone, PostgreSQL switches such statements to a generic plan
 * after five runs, and for the claim that plan hashed the whole deliveries table under a backlog.
 */
@QuarkusTest
class ClaimPlanTest {

    private static final String PLANS = """
            SELECT coalesce(sum(generic_plans), 0) AS generic, coalesce(sum(custom_plans), 0) AS custom
              FROM pg_prepared_statements WHERE statement LIKE '%WITH claimed AS%'""";

    @Inject
    Pool pool;

    @Test
    void everyClaimRoundIsPlannedForItsOwnLimitAndNeverByAGenericPlan() {
        long[] plans = pool.withConnection(conn -> conn.begin()
                .chain(tx -> conn.query(DeliveryQueue.CLAIM_SETTINGS).execute()
                        .chain(() -> claims(conn, 8))
                        .chain(() -> conn.query(PLANS).execute())
                        .map(rows -> {
                            var row = rows.iterator().next();
                            return new long[] {row.getLong("generic"), row.getLong("custom")};
                        })
                        // nothing claimed here may stay leased to this test
                        .call(tx::rollback)))
                .await().atMost(Duration.ofSeconds(30));

        assertThat(plans[0]).as("generic plans").isZero();
        assertThat(plans[1]).as("custom plans").isGreaterThanOrEqualTo(8);
    }

    private static Uni<Void> claims(SqlConnection conn, int rounds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < rounds; i++) {
            chain = chain.chain(() -> conn.preparedQuery(DeliveryQueue.CLAIM)
                    .execute(Tuple.of(1).addArrayOfString(new String[] {"https://excluded.example/hook"})
                            .addDouble(30.0).addString("claim-plan-test").addArrayOfUUID(new UUID[] {UUID.randomUUID()}))
                    .replaceWithVoid());
        }
        return chain;
    }
}
