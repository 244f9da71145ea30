package io.hookgate.pull.trim;

import io.hookgate.pull.PullStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The trimmer's SQL. One statement deletes the oldest visible messages beyond any of the subscription's limits
 * (max_messages, max_bytes, max_age by stored_at) and raises its trim mark to the last one deleted, atomically: a
 * reader sees either both or neither. The totals are index-only scans (the primary key INCLUDEs bytes); the window
 * runs over the oldest {@code limit} rows only.
 */
final class PullTrimStatements {

    /** A key no other advisory lock of Hookgate uses: "hookgate.pull.trim". */
    static final long LOCK = 0x686b_7075_6c6c_7472L;

    private static final String PULL_SUBSCRIPTIONS = "SELECT id FROM subscriptions WHERE mode = 'pull'";

    private static final String TRIM = """
            WITH sub AS (
                SELECT retention_max_messages AS mm, retention_max_bytes AS mb, retention_max_age_seconds AS ma
                  FROM subscriptions WHERE id = $1),
            stats AS (
                SELECT count(*) AS n, coalesce(sum(m.bytes), 0) AS b FROM pull_messages m
                 WHERE m.subscription_id = $1 AND %1$s),
            oldest AS (
                SELECT m.xid, m.seq, m.bytes, m.stored_at FROM pull_messages m
                 WHERE m.subscription_id = $1 AND %1$s
                 ORDER BY m.xid, m.seq LIMIT $2),
            ranked AS (
                SELECT o.xid, o.seq,
                       row_number() OVER w <= stats.n - sub.mm
                       OR sum(o.bytes) OVER w - o.bytes < stats.b - sub.mb
                       OR o.stored_at < now() - make_interval(secs => sub.ma) AS over_limit,
                       row_number() OVER w AS k
                  FROM oldest o, sub, stats
                WINDOW w AS (ORDER BY o.xid, o.seq)),
            -- only a prefix goes, so the trim mark says exactly what was dropped
            doomed AS (
                SELECT xid, seq FROM ranked
                 WHERE k < coalesce((SELECT min(k) FROM ranked WHERE NOT over_limit), $2 + 1)),
            gone AS (
                DELETE FROM pull_messages p USING doomed d
                 WHERE p.subscription_id = $1 AND p.xid = d.xid AND p.seq = d.seq
                RETURNING p.xid, p.seq),
            last AS (SELECT xid, seq FROM gone ORDER BY xid DESC, seq DESC LIMIT 1),
            mark AS (
                INSERT INTO pull_trims (subscription_id, trimmed_through_xid, trimmed_through_seq)
                SELECT $1, xid, seq FROM last
                ON CONFLICT (subscription_id) DO UPDATE
                   SET trimmed_through_xid = excluded.trimmed_through_xid,
                       trimmed_through_seq = excluded.trimmed_through_seq
                 WHERE (pull_trims.trimmed_through_xid, pull_trims.trimmed_through_seq)
                       < (excluded.trimmed_through_xid, excluded.trimmed_through_seq))
            SELECT count(*) AS deleted FROM gone""".formatted(PullStore.VISIBLE);

    private PullTrimStatements() {
    }

    /** True when this connection now holds the trimmer's lock (only one replica trims at a time). */
    static Uni<Boolean> tryLock(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_try_advisory_lock($1) AS held").execute(Tuple.of(LOCK))
                .map(rows -> rows.iterator().next().getBoolean("held"));
    }

    static Uni<Void> unlock(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(LOCK)).replaceWithVoid();
    }

    static Uni<List<UUID>> pullSubscriptions(SqlConnection connection) {
        return connection.query(PULL_SUBSCRIPTIONS).execute().map(rows -> {
            List<UUID> ids = new ArrayList<>();
            for (Row row : rows) {
                ids.add(row.getUUID("id"));
            }
            return ids;
        });
    }

    /** Deletes up to {@code limit} messages of one subscription; the number deleted. */
    static Uni<Long> trim(SqlConnection connection, UUID subscriptionId, int limit) {
        return connection.preparedQuery(TRIM).execute(Tuple.of(subscriptionId, limit))
                .map(rows -> rows.iterator().next().getLong("deleted"));
    }
}
