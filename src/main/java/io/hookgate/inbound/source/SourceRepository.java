package io.hookgate.inbound.source;

import io.hookgate.inbound.SourceType;
import io.hookgate.api.Cursor;
import io.hookgate.subscription.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
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

/** Prepared SQL over {@code inbound_sources}; a tenant {@link Scope} adds {@code tenant_id = $n}. */
@ApplicationScoped
public class SourceRepository {

    private static final String COLUMNS = "id, tenant_id, type, name, allow_cidrs, hmac, channels,"
            + " secret_key_version, secret_ciphertext, previous_key_version, previous_ciphertext,"
            + " previous_expires_at, created_at, updated_at";

    private final Pool pool;

    public SourceRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<SourceRow> insert(NewSource s) {
        String sql = "INSERT INTO inbound_sources (id, tenant_id, type, name, allow_cidrs, hmac, channels,"
                + " secret_key_version, secret_ciphertext) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                + " RETURNING " + COLUMNS;
        Tuple params = Tuple.tuple().addUUID(s.id()).addUUID(s.tenantId()).addString(s.type().wire())
                .addString(s.name()).addArrayOfString(array(s.allowCidrs()))
                .addValue(HmacJson.toJson(s.hmac())).addArrayOfString(array(s.channels()))
                .addInteger(s.secret().keyVersion()).addBuffer(Buffer.buffer(s.secret().blob()));
        return pool.preparedQuery(sql).execute(params).map(rows -> map(rows.iterator().next()));
    }

    /** The source with this id in the scope; {@link Scope#all()} for the ingest endpoint. */
    public Uni<Optional<SourceRow>> find(Scope scope, UUID id) {
        List<Object> params = new ArrayList<>(List.of(id));
        String where = scoped("id = $1", scope, params);
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM inbound_sources WHERE " + where)
                .execute(Tuple.from(params)).map(SourceRepository::first);
    }

    Uni<List<SourceRow>> page(Scope scope, Optional<Cursor> after, int limit) {
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
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM inbound_sources" + where
                + " ORDER BY created_at, id LIMIT $" + params.size()).execute(Tuple.from(params))
                .map(SourceRepository::all);
    }

    /** Sets the given columns (names are fixed by {@link SourcePatch}) and bumps updated_at. */
    Uni<Optional<SourceRow>> update(Scope scope, UUID id, Map<String, Object> columns) {
        if (columns.isEmpty()) {
            return find(scope, id);
        }
        List<Object> params = new ArrayList<>(List.of(id));
        String where = scoped("id = $1", scope, params);
        List<String> sets = new ArrayList<>();
        for (Map.Entry<String, Object> c : columns.entrySet()) {
            params.add(c.getValue());
            sets.add(c.getKey() + " = $" + params.size());
        }
        return pool.preparedQuery("UPDATE inbound_sources SET " + String.join(", ", sets)
                + ", updated_at = now() WHERE " + where + " RETURNING " + COLUMNS)
                .execute(Tuple.from(params)).map(SourceRepository::first);
    }

    Uni<Boolean> delete(Scope scope, UUID id) {
        List<Object> params = new ArrayList<>(List.of(id));
        String where = scoped("id = $1", scope, params);
        return pool.preparedQuery("DELETE FROM inbound_sources WHERE " + where).execute(Tuple.from(params))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Replaces the secret slots under a row lock, so concurrent rotations cannot lose a key. */
    Uni<Optional<SourceRow>> rotate(Scope scope, UUID id, Function<SourceRow, SourceSecrets.Slots> rotate) {
        return pool.withTransaction(conn -> lock(conn, scope, id).onItem().transformToUni(locked -> locked.isEmpty()
                ? Uni.createFrom().item(Optional.<SourceRow>empty())
                : writeSlots(conn, id, rotate.apply(locked.get())).map(Optional::of)));
    }

    private Uni<Optional<SourceRow>> lock(SqlConnection conn, Scope scope, UUID id) {
        List<Object> params = new ArrayList<>(List.of(id));
        String where = scoped("id = $1", scope, params);
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM inbound_sources WHERE " + where + " FOR UPDATE")
                .execute(Tuple.from(params)).map(SourceRepository::first);
    }

    private Uni<SourceRow> writeSlots(SqlConnection conn, UUID id, SourceSecrets.Slots slots) {
        String sql = "UPDATE inbound_sources SET secret_key_version = $2, secret_ciphertext = $3,"
                + " previous_key_version = $4, previous_ciphertext = $5, previous_expires_at = $6,"
                + " updated_at = now() WHERE id = $1 RETURNING " + COLUMNS;
        Tuple params = Tuple.tuple().addUUID(id)
                .addInteger(slots.current().keyVersion()).addBuffer(Buffer.buffer(slots.current().blob()))
                .addInteger(slots.previous().keyVersion()).addBuffer(Buffer.buffer(slots.previous().blob()))
                .addValue(utc(slots.previousExpiresAt()));
        return conn.preparedQuery(sql).execute(params).map(rows -> map(rows.iterator().next()));
    }

    private static String scoped(String predicate, Scope scope, List<Object> params) {
        if (scope.tenantId().isEmpty()) {
            return predicate;
        }
        params.add(scope.tenantId().get());
        return predicate + " AND tenant_id = $" + params.size();
    }

    private static Optional<SourceRow> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    private static List<SourceRow> all(RowSet<Row> rows) {
        List<SourceRow> list = new ArrayList<>(rows.size());
        rows.forEach(row -> list.add(map(row)));
        return list;
    }

    private static SourceRow map(Row row) {
        Buffer previous = row.getBuffer("previous_ciphertext");
        Object hmac = row.getValue("hmac");
        return new SourceRow(row.getUUID("id"), row.getUUID("tenant_id"),
                SourceType.fromWire(row.getString("type")).orElseThrow(), row.getString("name"),
                list(row.getArrayOfStrings("allow_cidrs")),
                HmacJson.fromJson(hmac instanceof JsonObject json ? json : null),
                list(row.getArrayOfStrings("channels")), row.getInteger("secret_key_version"),
                row.getBuffer("secret_ciphertext").getBytes(), row.getInteger("previous_key_version"),
                previous == null ? null : previous.getBytes(), instant(row, "previous_expires_at"),
                instant(row, "created_at"), instant(row, "updated_at"));
    }

    static String[] array(List<String> list) {
        return list == null ? null : list.toArray(String[]::new);
    }

    private static List<String> list(String[] array) {
        return array == null ? null : Arrays.asList(array);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
