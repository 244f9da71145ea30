package io.hookgate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * When a phase stalls, records what the database sessions are doing (pg_stat_activity with lock
 * waits), so a wedged gateway leaves evidence instead of only a missing count.
 */
final class Diagnostics {

    private static final String ACTIVITY = """
            SELECT pid, application_name, state, wait_event_type, wait_event,
                   pg_blocking_pids(pid) AS blocked_by, now() - xact_start AS in_transaction,
                   left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
              FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
             ORDER BY xact_start NULLS LAST""";

    private Diagnostics() {
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
                    "-c", ACTIVITY));
            builder.environment().put("PGPASSWORD", System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
            builder.redirectErrorStream(true).redirectOutput(file.toFile());
            Process process = builder.start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            BenchRunner.log("database sessions written to %s", file);
        } catch (Exception e) {
            BenchRunner.log("could not snapshot the database sessions: %s", e);
        }
    }
}
