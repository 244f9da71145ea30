package io.hookgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatabaseSessionTest {

    @Inject
    Pool pool;

    @Test
    void everyPooledSessionCancelsStatementsAfterThirtySeconds() {
        String timeout = pool.query("SHOW statement_timeout").execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString(0);

        assertThat(timeout).isEqualTo("30s");
    }
}
