package io.hookgate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * When a phase stalls, records what the database sessions are doing (pg_stat_activity with lock
 * waits), the queue table's state and the plan of a claim, so a wedged gateway leaves evidence instead of
 * only a missing count.
 */
final class Diagnostics {

    private static final String ACTIVITY = """
            SELECT pid, application_name, state, wait_event_type, wait_event,
                   pg_blocking_pids(pid) AS blocked_by, now() - xact_start AS in_transaction,
                   left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
              FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
             ORDER BY xact_start NULLS LAST""";

    private static final String QUEUE_TABLE = """
            SELECT n_live_tup, n_dead_tup, n_tup_upd, n_tup_hot_upd, last_autovacuum, last_autoanalyze,
                   autovacuum_count, (SELECT count(*) FROM deliveries WHERE status = 'pending') AS pending,
                   (SELECT count(*) FROM deliveries WHERE status = 'pending' AND next_attempt_at <= now()) AS due
              FROM pg_stat_user_tables WHERE relname = 'deliveries'""";

    // the gateway's claim with literal arguments, executed and rolled back: where a slow claim spends its time
    private static final String CLAIM_PLAN = """
            BEGIN;
            SET LOCAL statement_timeout = '60s';
            EXPLAIN (ANALYZE, BUFFERS)
            WITH claimed AS (
                UPDATE deliveries d SET next_attempt_at = now() + interval '30 s', lease_owner = 'bench-diagnostics'
                  FROM (SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= now()
                         ORDER BY next_attempt_at LIMIT 256 FOR NO KEY UPDATE SKIP LOCKED) due
                 WHERE d.id = due.id RETURNING d.id, d.event_id, d.subscription_id)
            SELECT c.*, s.url, e.payload FROM claimed c
              JOIN subscriptions s ON s.id = c.subscription_id JOIN events e ON e.id = c.event_id;
            ROLLBACK;""";

    private Diagnostics() {
    }

    /** Runs SQL through psql against the run's database; fails if psql does. */
    static void psql(String sql, java.time.Duration timeout) throws Exception {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        ProcessBuilder builder = new ProcessBuilder(List.of(System.getenv("HOOKGATE_LOCAL_PG_BIN") + "/psql", "-X",
                "-v", "ON_ERROR_STOP=1", "-q", "-h", "127.0.0.1", "-p", System.getenv("HOOKGATE_LOCAL_PG_PORT"),
                "-U", System.getenv("QUARKUS_DATASOURCE_USERNAME"), "-d", url.substring(url.lastIndexOf('/') + 1),
                "-c", sql));
        builder.environment().put("PGPASSWORD", System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("psql failed: " + output);
        }
    }

    static void databaseSnapshot(Path file) {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        String port = System.getenv("HOOKGATE_LOCAL_PG_PORT");
        String bin = System.getenv("HOOKGATE_LOCAL_PG_BIN");
        if (url == null || port == null || bin == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(bin + "/psql", "-X", "-h", "127.0.0.1", "-p", port,
                    "-U", System.getenv("QUARKUS_DATASOURCE_USERNAME"), "-d", url.substring(url.lastIndexOf('/') + 1),
                    "-c", ACTIVITY, "-c", QUEUE_TABLE, "-c", CLAIM_PLAN));
            builder.environment().put("PGPASSWORD", System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
            builder.redirectErrorStream(true).redirectOutput(file.toFile());
            Process process = builder.start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            BenchRunner.log("database sessions written to %s", file);
        } catch (Exception e) {
            BenchRunner.log("could not snapshot the database sessions: %s", e);
        }
    }
}
