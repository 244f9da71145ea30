package io.hookgate.subscription;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One subscription by id on the reactive client, without a Hibernate session: the lookup every pull read and
 * long-poll makes. A session per request cost about a third of an idle re-poll's CPU (docs/BENCHMARKS.md); the
 * row is the same as {@link SubscriptionRepository#find} gives, tenant scope included (another tenant's: empty).
 */
@ApplicationScoped
public class SubscriptionLookup {

    private static final String BY_ID = """
            SELECT id, tenant_id, mode, url, event_types, channels, format, description, status, disabled_reason,
                   secret_key_version, secret_ciphertext, previous_key_version, previous_ciphertext,
                   previous_expires_at, failing_since, expire_after_seconds, retention_max_messages,
                   retention_max_bytes, retention_max_age_seconds, created_at, updated_at
              FROM subscriptions WHERE id = $1 AND ($2::uuid IS NULL OR tenant_id = $2)""";

    private final Pool pool;

    public SubscriptionLookup(Pool pool) {
        this.pool = pool;
    }

    /** The row with this id inside the scope. */
    public Uni<Optional<SubscriptionRow>> find(Scope scope, UUID id) {
        Tuple args = Tuple.of(id, scope.tenantId().orElse(null));
        return pool.preparedQuery(BY_ID).execute(args).map(rows -> rows.size() == 0
                ? Optional.empty() : Optional.of(row(rows.iterator().next())));
    }

    private static SubscriptionRow row(Row r) {
        return new SubscriptionRow(r.getUUID("id"), r.getUUID("tenant_id"),
                SubscriptionMode.of(r.getString("mode")).orElseThrow(), r.getString("url"),
                list(r.getArrayOfStrings("event_types")), list(r.getArrayOfStrings("channels")),
                SubscriptionFormat.of(r.getString("format")).orElseThrow(), r.getString("description"),
                SubscriptionStatus.of(r.getString("status")).orElseThrow(), r.getString("disabled_reason"),
                r.getInteger("secret_key_version"), bytes(r, "secret_ciphertext"), r.getInteger("previous_key_version"),
                bytes(r, "previous_ciphertext"), instant(r, "previous_expires_at"), instant(r, "failing_since"),
                r.getInteger("expire_after_seconds"), new PullLimits(r.getLong("retention_max_messages"),
                        r.getLong("retention_max_bytes"), r.getLong("retention_max_age_seconds")),
                instant(r, "created_at"), instant(r, "updated_at"));
    }

    private static List<String> list(String[] values) {
        return values == null ? null : Arrays.asList(values);
    }

    private static byte[] bytes(Row r, String column) {
        var buffer = r.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
