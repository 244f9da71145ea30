package io.hookgate.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The block-range index that the orphan sweep reads keeps itself summarized, so a sweep never reads its tail. */
@QuarkusTest
class EventsRangeIndexTest {

    @Inject
    Pool pool;

    @Test
    void theEventsBlockRangeIndexSummarizesEachRangeWithoutWaitingForVacuum() {
        String options = pool.query("SELECT c.reloptions::text, a.amname FROM pg_class c JOIN pg_am a ON a.oid = c.relam"
                + " WHERE c.relname = 'events_received_at'").execute()
                .map(rows -> {
                    var row = rows.iterator().next();
                    return row.getString(1) + " " + row.getString(0);
                })
                .await().atMost(Duration.ofSeconds(30));

        assertThat(options).startsWith("brin ").contains("autosummarize=on");
    }
}
