package io.hookgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intake latency while retention purges (issue 12): paced load at the light rate, first alone, then while the
 * gateway deletes {@code rows} delivered deliveries 8 days old (with an attempt and a 1 KiB event each) that
 * were just inserted. The gateway runs retention every 2 s, so the purge starts right after the insert commits;
 * a poller of hookgate_retention_deleted_total times it.
 */
final class RetentionPhase {

    /** The purge's phase is this long at least, so that the whole purge falls inside it. */
    static final int PURGE_PHASE_SECONDS = 30;

    // 8 days old: past hookgate.retention.delivered (7d); attached to the newest subscription (this session's)
    private static final String SEED = """
            WITH sub AS (SELECT id, tenant_id FROM subscriptions ORDER BY created_at DESC LIMIT 1),
            ev AS (INSERT INTO events (id, event_type, channel, occurred_at, occurred_at_text, payload, received_at)
                   SELECT 'evt_benchret_%1$s_' || n, 'chat.message', 'bench-retention', now(), 'x', repeat('x', 1000),
                          now() - interval '8 days' FROM generate_series(1, %2$d) AS n RETURNING id),
            d AS (INSERT INTO deliveries (id, event_id, subscription_id, tenant_id, event_type, status, attempts,
                                          next_attempt_at, source_at, created_at, first_attempt_at, last_attempt_at,
                                          delivered_at)
                  SELECT gen_random_uuid(), ev.id, sub.id, sub.tenant_id, 'chat.message', 'delivered', 1,
                         now(), now() - interval '8 days', now() - interval '8 days', now() - interval '8 days',
                         now() - interval '8 days', now() - interval '8 days' FROM ev, sub RETURNING id, delivered_at)
            INSERT INTO attempts (delivery_id, n, at, status_code, latency_ms) SELECT id, 1, delivered_at, 204, 5 FROM d""";

    private RetentionPhase() {
    }

    static ObjectNode run(Measure measure, Gateway gateway, Workload workload, String topic, BenchOptions options,
            boolean[] healthy, Map<Integer, Webhook> verifiers, ObjectMapper json) throws Exception {
        ObjectNode node = json.createObjectNode();
        int rows = options.retentionRows;
        node.put("rows", rows);
        node.put("events_per_s", options.lightRate);
        Measure.Measured baseline = measure.latency("retention-baseline", workload, topic, options.lightRate,
                options.latencySeconds, healthy, verifiers, List.of(gateway));
        node.set("baseline", baseline.result().toJson(json));
        long seeding = System.nanoTime();
        Diagnostics.psql(SEED.formatted(workload.session(), rows), Duration.ofMinutes(5));
        node.put("insert_ms", (System.nanoTime() - seeding) / 1_000_000);
        Purge purge = new Purge(gateway, rows);
        Thread poller = new Thread(purge::watch, "retention-watch");
        poller.setDaemon(true);
        poller.start();
        Measure.Measured during = measure.latency("retention-purge", workload, topic, options.lightRate,
                Math.max(options.latencySeconds, PURGE_PHASE_SECONDS), healthy, verifiers, List.of(gateway));
        poller.join(Duration.ofMinutes(3).toMillis());
        node.set("during_purge", during.result().toJson(json));
        node.put("purge_ms", purge.millis());
        node.put("purge_done", purge.done());
        node.put("purge_started_ms_after_insert", purge.startedAfterMillis());
        node.put("deleted_rows_per_s", purge.millis() <= 0 ? Double.NaN : Stats.round(rows * 1000.0 / purge.millis(), 0));
        node.put("batch_max_ms", Stats.round(gateway.metric("hookgate_retention_batch_duration_seconds_max", "") * 1000, 1));
        return node;
    }

    /** Watches the gateway's deleted counter: when the purge of the inserted rows began and ended. */
    private static final class Purge {
        private final Gateway gateway;
        private final int rows;
        private final long inserted = System.nanoTime();
        private final AtomicLong first = new AtomicLong();
        private final AtomicLong last = new AtomicLong();
        private volatile boolean done;

        Purge(Gateway gateway, int rows) {
            this.gateway = gateway;
            this.rows = rows;
        }

        void watch() {
            double before = deleted();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                double now = deleted();
                if (now > before) {
                    first.compareAndSet(0, System.nanoTime());
                    last.set(System.nanoTime());
                }
                if (now >= before + rows) {
                    done = true;
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private double deleted() {
            return gateway.metric("hookgate_retention_deleted_total", "kind=\"delivered\"");
        }

        long millis() {
            return first.get() == 0 ? -1 : (last.get() - first.get()) / 1_000_000;
        }

        long startedAfterMillis() {
            return first.get() == 0 ? -1 : (first.get() - inserted) / 1_000_000;
        }

        boolean done() {
            return done;
        }
    }
}
