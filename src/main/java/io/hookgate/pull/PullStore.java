package io.hookgate.pull;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of {@code pull_messages} (V11__pull_subscriptions.sql): one statement per page, an index range scan on the
 * primary key (subscription_id, xid, seq). Only rows whose transaction is older than every running one are visible
 * ({@code xid < pg_snapshot_xmin}), so a cursor handed out can never be overtaken by a row committed later.
 */
@ApplicationScoped
public class PullStore {

    /** Visible rows: no running transaction can still add one before them. */
    public static final String VISIBLE = "m.xid < pg_snapshot_xmin(pg_current_snapshot())";

    private static final String READ = """
            WITH mark AS (
                SELECT coalesce((SELECT trimmed_through_xid FROM pull_trims WHERE subscription_id = $1), '0'::xid8) AS tx,
                       coalesce((SELECT trimmed_through_seq FROM pull_trims WHERE subscription_id = $1), 0) AS ts),
            pos AS (
                SELECT ($2::text::xid8, $3::bigint) < (tx, ts) AS behind, tx, ts FROM mark),
            start AS (
                SELECT CASE WHEN behind THEN tx ELSE $2::text::xid8 END AS fx,
                       CASE WHEN behind THEN ts ELSE $3::bigint END AS fs,
                       behind AND $5::bool AS refresh
                  FROM pos)
            SELECT start.refresh, start.fx::text AS fx, start.fs, m.xid::text AS xid, m.seq, m.event_id, m.event_type, e.occurred_at_text, e.payload
              FROM start
              LEFT JOIN LATERAL (
                  SELECT m.xid, m.seq, m.event_id, m.event_type FROM pull_messages m
                   WHERE m.subscription_id = $1 AND (m.xid, m.seq) > (start.fx, start.fs) AND %s
                   ORDER BY m.xid, m.seq LIMIT $4) m ON true
              LEFT JOIN events e ON e.id = m.event_id
             ORDER BY m.xid, m.seq""".formatted(VISIBLE);

    private static final String LAG = """
            SELECT c.name, (SELECT count(*) FROM pull_messages m
                             WHERE m.subscription_id = $1 AND (m.xid, m.seq) > (c.x::xid8, c.s) AND %s) AS lag
              FROM unnest($2::text[], $3::text[], $4::bigint[]) AS c(name, x, s)""".formatted(VISIBLE);

    private final Pool pool;
    private final PullStatementGate gate;

    public PullStore(Pool pool, PullStatementGate gate) {
        this.pool = pool;
        this.gate = gate;
    }

    /** One stored message with what its body is rendered from. */
    public record Stored(PullCursor cursor, String eventId, String eventType, String occurredAtText, String payload) {
    }

    /**
     * A page: {@code refresh} when retention dropped messages after the position asked for; {@code from} is where
     * the page starts (after the trim mark when retention dropped what came before).
     */
    public record StoredPage(boolean refresh, PullCursor from, List<Stored> messages) {

        /** SPEC 11: the last message's cursor, else the after given (or, after a refresh, where retention ended). */
        public Optional<PullCursor> next(Optional<PullCursor> after) {
            if (!messages.isEmpty()) {
                return Optional.of(messages.get(messages.size() - 1).cursor());
            }
            return refresh ? Optional.of(from) : after;
        }
    }

    /**
     * Up to {@code limit} visible messages after {@code after} (from the oldest retained one when empty), skipping
     * what retention dropped.
     */
    public Uni<StoredPage> read(UUID tenantId, UUID subscriptionId, Optional<PullCursor> after, int limit) {
        PullCursor from = after.orElse(PullCursor.START);
        Tuple args = Tuple.of(subscriptionId, from.xidText(), from.seq(), limit, after.isPresent());
        return gate.run(tenantId, () -> pool.preparedQuery(READ).execute(args)).map(rows -> {
            boolean refresh = false;
            PullCursor start = from;
            List<Stored> messages = new ArrayList<>(limit);
            for (Row row : rows) {
                refresh = row.getBoolean("refresh");
                start = new PullCursor(Long.parseUnsignedLong(row.getString("fx")), row.getLong("fs"));
                if (row.getString("xid") != null) {
                    messages.add(new Stored(new PullCursor(Long.parseUnsignedLong(row.getString("xid")),
                            row.getLong("seq")), row.getString("event_id"), row.getString("event_type"),
                            row.getString("occurred_at_text"), row.getString("payload")));
                }
            }
            return new StoredPage(refresh, start, messages);
        });
    }

    /** Visible messages after each consumer's cursor, by consumer name. */
    public Uni<Map<String, Long>> lag(UUID tenantId, UUID subscriptionId, Map<String, PullCursor> cursors) {
        if (cursors.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> names = new ArrayList<>(cursors.keySet());
        String[] xids = names.stream().map(n -> cursors.get(n).xidText()).toArray(String[]::new);
        Long[] seqs = names.stream().map(n -> cursors.get(n).seq()).toArray(Long[]::new);
        Tuple args = Tuple.of(subscriptionId).addArrayOfString(names.toArray(String[]::new))
                .addArrayOfString(xids).addArrayOfLong(seqs);
        return gate.run(tenantId, () -> pool.preparedQuery(LAG).execute(args)).map(rows -> {
            Map<String, Long> lag = new HashMap<>();
            rows.forEach(row -> lag.put(row.getString("name"), row.getLong("lag")));
            return lag;
        });
    }
}
