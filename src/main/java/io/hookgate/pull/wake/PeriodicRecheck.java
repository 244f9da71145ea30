package io.hookgate.pull.wake;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The safety net against a missed notification (or rows that became readable after their NOTIFY): every
 * {@code hookgate.pull.recheck}, one statement asks for the newest readable message of every subscription that has
 * waiters here (an index probe each), and only the subscriptions whose newest message changed are woken. Its cost
 * is one statement per interval per 1,000 waited subscriptions, however many waiters there are: waking every waiter
 * instead would make each re-read (several times, with the reader's own short rechecks).
 */
@ApplicationScoped
public class PeriodicRecheck {

    static final int CHUNK = 1_000;
    // readable = below the snapshot's xmin, the rule the pull reader applies: once visible here, a row stays so,
    // and any row that becomes readable later sorts after every row readable now, so the newest marker moves
    static final String PROBE = """
            SELECT s.id, m.xid::text || '/' || m.seq AS newest FROM unnest($1::uuid[]) AS s(id)
            CROSS JOIN LATERAL (SELECT xid, seq FROM pull_messages
                                 WHERE subscription_id = s.id AND xid < pg_snapshot_xmin(pg_current_snapshot())
                                 ORDER BY xid DESC, seq DESC LIMIT 1) m""";
    private static final Logger LOG = Logger.getLogger(PeriodicRecheck.class);

    private final LocalWakeups local;
    private final Vertx vertx;
    private final Pool pool;
    private final PullWakeConfig config;
    private final RecheckPolicy policy;
    private volatile boolean stopped;

    public PeriodicRecheck(LocalWakeups local, Vertx vertx, Pool pool, PullWakeConfig config) {
        this.local = local;
        this.vertx = vertx;
        this.pool = pool;
        this.config = config;
        // a client re-polls within moments; a minute covers that gap without keeping markers of idle subscriptions
        this.policy = new RecheckPolicy(Math.max(60_000, 2 * config.recheck().toMillis()) * 1_000_000L);
    }

    void start(@Observes StartupEvent event) {
        List<String> problems = PullWakeConfig.problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid pull configuration: " + String.join("; ", problems));
        }
        schedule();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    private void schedule() {
        if (!stopped) {
            // one probe at a time: the next is scheduled when this one ended, never overlapping a slow database
            vertx.setTimer(config.recheck().toMillis(), id -> tick().subscribe().with(n -> schedule(), e -> {
                LOG.debugf("pull recheck failed, retrying next interval: %s", e.getMessage());
                schedule();
            }));
        }
    }

    /** One probe; completes with the number of subscriptions woken. */
    Uni<Integer> tick() {
        List<UUID> waited = local.subscriptions();
        if (waited.isEmpty()) {
            return Uni.createFrom().item(policy.due(waited, Map.of(), System.nanoTime()).size());
        }
        return Multi.createFrom().iterable(chunks(waited))
                .onItem().transformToUniAndConcatenate(this::probe)
                .collect().in(HashMap<UUID, String>::new, Map::putAll)
                .map(newest -> {
                    List<UUID> due = policy.due(waited, newest, System.nanoTime());
                    local.stored(due);
                    return due.size();
                });
    }

    private Uni<Map<UUID, String>> probe(List<UUID> ids) {
        return pool.preparedQuery(PROBE).execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, String> out = new HashMap<>();
            for (Row row : rows) {
                out.put(row.getUUID("id"), row.getString("newest"));
            }
            return out;
        });
    }

    private static List<List<UUID>> chunks(List<UUID> ids) {
        int n = (ids.size() + CHUNK - 1) / CHUNK;
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> ids.subList(i * CHUNK, Math.min(ids.size(), (i + 1) * CHUNK))).toList();
    }
}
