package io.hookgate.subscription;

import io.hookgate.api.Cursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Prepared SQL over {@code subscriptions}. Every method takes a {@link Scope}: a tenant scope adds
 * {@code tenant_id = $n} to the statement, so another tenant's row is simply not found.
 */
@ApplicationScoped
public class SubscriptionRepository {

    static final String COLUMNS = "id, tenant_id, url, event_types, channels, format, description, status,"
            + " disabled_reason, secret_key_version, secret_ciphertext, previous_key_version, previous_ciphertext,"
            + " previous_expires_at, failing_since, expire_after_seconds, created_at, updated_at";

    private static final String INSERT = "INSERT INTO subscriptions (id, tenant_id, url, event_types, channels,"
            + " format, description, status, secret_key_version, secret_ciphertext, expire_after_seconds)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING " + COLUMNS;

    private final Pool pool;

    public SubscriptionRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts a new active subscription; created_at and updated_at come from the database clock. */
    public Uni<SubscriptionRow> insert(NewSubscription s) {
        Tuple params = Tuple.tuple()
                .addUUID(s.id()).addUUID(s.tenantId()).addString(s.url())
                .addArrayOfString(s.eventTypes().toArray(String[]::new))
                .addArrayOfString(s.channels() == null ? null : s.channels().toArray(String[]::new))
                .addString(s.format()).addString(s.description()).addString(SubscriptionRow.ACTIVE)
                .addInteger(s.secret().keyVersion()).addBuffer(Buffer.buffer(s.secret().blob()))
                .addInteger(s.expireAfterSeconds());
        return pool.preparedQuery(INSERT).execute(params).map(rows -> map(rows.iterator().next()));
    }

    /** The row with this id inside the scope. */
    public Uni<Optional<SubscriptionRow>> find(Scope scope, UUID id) {
        Where where = Where.byId(scope, id);
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE " + where.sql())
                .execute(where.params()).map(SubscriptionRepository::first);
    }

    /** Up to {@code limit} rows after the cursor, ordered by (created_at, id). */
    public Uni<List<SubscriptionRow>> page(Scope scope, Optional<Cursor> after, int limit) {
        List<Object> params = new ArrayList<>();
        List<String> predicates = new ArrayList<>();
        scope.tenantId().ifPresent(tenant -> {
            params.add(tenant);
            predicates.add("tenant_id = $" + params.size());
        });
        after.ifPresent(cursor -> {
            params.add(utc(cursor.createdAt()));
            params.add(cursor.id());
            predicates.add("(created_at, id) > ($" + (params.size() - 1) + ", $" + params.size() + ")");
        });
        params.add(limit);
        String where = predicates.isEmpty() ? "" : " WHERE " + String.join(" AND ", predicates);
        String sql = "SELECT " + COLUMNS + " FROM subscriptions" + where
                + " ORDER BY created_at, id LIMIT $" + params.size();
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(SubscriptionRepository::all);
    }

    /** Every active subscription of every tenant, e.g. to build the in-memory subscriber index. */
    public Uni<List<SubscriptionRow>> findActive() {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE status = $1")
                .execute(Tuple.of(SubscriptionRow.ACTIVE)).map(SubscriptionRepository::all);
    }

    /** Applies the changes and bumps updated_at; empty when the row is not in scope. */
    public Uni<Optional<SubscriptionRow>> update(Scope scope, UUID id, SubscriptionChanges changes) {
        if (changes.isEmpty()) {
            return find(scope, id);
        }
        Where where = Where.byId(scope, id);
        List<Object> params = new ArrayList<>(where.paramList());
        List<String> sets = new ArrayList<>();
        for (Map.Entry<SubscriptionChanges.Column, Object> change : changes.values().entrySet()) {
            params.add(change.getValue());
            sets.add(change.getKey().sql() + " = $" + params.size());
        }
        String sql = "UPDATE subscriptions SET " + String.join(", ", sets) + ", updated_at = now() WHERE "
                + where.sql() + " RETURNING " + COLUMNS;
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(SubscriptionRepository::first);
    }

    /** Deletes the row (its deliveries cascade); false when it is not in scope. */
    public Uni<Boolean> delete(Scope scope, UUID id) {
        Where where = Where.byId(scope, id);
        return pool.preparedQuery("DELETE FROM subscriptions WHERE " + where.sql())
                .execute(where.params()).map(rows -> rows.rowCount() > 0);
    }

    /**
     * Replaces the secret slots under a row lock, so concurrent rotations cannot lose a key.
     *
     * @param rotate computes the new slots from the locked row
     */
    public Uni<Optional<SubscriptionRow>> rotateSecret(Scope scope, UUID id,
            Function<SubscriptionRow, SecretSlots> rotate) {
        return pool.withTransaction(conn -> lockRow(conn, scope, id).onItem().transformToUni(locked -> {
            if (locked.isEmpty()) {
                return Uni.createFrom().item(Optional.<SubscriptionRow>empty());
            }
            return writeSlots(conn, id, rotate.apply(locked.get())).map(Optional::of);
        }));
    }

    private Uni<Optional<SubscriptionRow>> lockRow(SqlConnection conn, Scope scope, UUID id) {
        Where where = Where.byId(scope, id);
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE " + where.sql() + " FOR UPDATE")
                .execute(where.params()).map(SubscriptionRepository::first);
    }

    private Uni<SubscriptionRow> writeSlots(SqlConnection conn, UUID id, SecretSlots slots) {
        String sql = "UPDATE subscriptions SET secret_key_version = $2, secret_ciphertext = $3,"
                + " previous_key_version = $4, previous_ciphertext = $5, previous_expires_at = $6,"
                + " updated_at = now() WHERE id = $1 RETURNING " + COLUMNS;
        Tuple params = Tuple.tuple().addUUID(id)
                .addInteger(slots.current().keyVersion()).addBuffer(Buffer.buffer(slots.current().blob()))
                .addInteger(slots.previous().keyVersion()).addBuffer(Buffer.buffer(slots.previous().blob()))
                .addValue(utc(slots.previousExpiresAt()));
        return conn.preparedQuery(sql).execute(params).map(rows -> map(rows.iterator().next()));
    }

    /** The channels a tenant may use ({@code *} = all); empty when the tenant does not exist. */
    public Uni<Optional<List<String>>> tenantChannels(UUID tenantId) {
        return pool.preparedQuery("SELECT channels FROM tenants WHERE id = $1").execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(List.of(rows.iterator().next().getArrayOfStrings("channels"))));
    }

    private static Optional<SubscriptionRow> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    private static List<SubscriptionRow> all(RowSet<Row> rows) {
        List<SubscriptionRow> list = new ArrayList<>(rows.size());
        rows.forEach(row -> list.add(map(row)));
        return list;
    }

    static SubscriptionRow map(Row row) {
        String[] channels = row.getArrayOfStrings("channels");
        Buffer previous = row.getBuffer("previous_ciphertext");
        return new SubscriptionRow(
                row.getUUID("id"), row.getUUID("tenant_id"), row.getString("url"),
                Arrays.asList(row.getArrayOfStrings("event_types")),
                channels == null ? null : Arrays.asList(channels),
                row.getString("format"), row.getString("description"), row.getString("status"),
                row.getString("disabled_reason"),
                row.getInteger("secret_key_version"), row.getBuffer("secret_ciphertext").getBytes(),
                row.getInteger("previous_key_version"), previous == null ? null : previous.getBytes(),
                instant(row, "previous_expires_at"), instant(row, "failing_since"),
                row.getInteger("expire_after_seconds"), instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** {@code id = $1} plus, in a tenant scope, {@code tenant_id = $2}. */
    private record Where(String sql, List<Object> paramList) {

        static Where byId(Scope scope, UUID id) {
            return scope.tenantId()
                    .map(tenant -> new Where("id = $1 AND tenant_id = $2", List.<Object>of(id, tenant)))
                    .orElseGet(() -> new Where("id = $1", List.<Object>of(id)));
        }

        Tuple params() {
            return Tuple.from(paramList);
        }
    }
}
