package io.hookgate.tenant;

import io.hookgate.api.Cursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code tenants}. */
@ApplicationScoped
public class TenantRepository {

    /** A stored tenant. */
    public record TenantRow(UUID id, String name, List<String> channels, Instant createdAt, Instant updatedAt) {
    }

    /** A new tenant with its first key. */
    public record Created(TenantRow tenant, ApiKeyRepository.KeyRow key) {
    }

    private static final String COLUMNS = "id, name, channels, created_at, updated_at";
    private static final String INSERT =
            "INSERT INTO tenants (id, name, channels) VALUES ($1, $2, $3) RETURNING " + COLUMNS;
    private static final String FIRST_PAGE =
            "SELECT " + COLUMNS + " FROM tenants ORDER BY created_at, id LIMIT $1";
    private static final String NEXT_PAGE = "SELECT " + COLUMNS
            + " FROM tenants WHERE (created_at, id) > ($1, $2) ORDER BY created_at, id LIMIT $3";
    private static final String FIND = "SELECT " + COLUMNS + " FROM tenants WHERE id = $1";
    private static final String UPDATE = "UPDATE tenants SET name = COALESCE($2, name), "
            + "channels = COALESCE($3, channels), updated_at = now() WHERE id = $1 RETURNING " + COLUMNS;
    private static final String DELETE = "DELETE FROM tenants WHERE id = $1";

    private final Pool pool;
    private final ApiKeyRepository keys;

    public TenantRepository(Pool pool, ApiKeyRepository keys) {
        this.pool = pool;
        this.keys = keys;
    }

    /** Inserts the tenant and its first key in one transaction. */
    public Uni<Created> create(UUID id, String name, List<String> channels, ApiKeyCodec.Generated key) {
        return pool.withTransaction(tx -> tx.preparedQuery(INSERT)
                .execute(Tuple.of(id, name, channels.toArray(String[]::new)))
                .map(rows -> tenant(rows.iterator().next()))
                .flatMap(tenant -> keys.insert(tx, id, key)
                        .map(stored -> new Created(tenant, stored.orElseThrow()))));
    }

    /** Up to {@code count} tenants after the cursor (null for the first page), in (created_at, id) order. */
    public Uni<List<TenantRow>> page(Cursor after, int count) {
        Uni<RowSet<Row>> rows = after == null
                ? pool.preparedQuery(FIRST_PAGE).execute(Tuple.of(count))
                : pool.preparedQuery(NEXT_PAGE).execute(Tuple.of(utc(after.createdAt()), after.id(), count));
        return rows.map(TenantRepository::tenants);
    }

    public Uni<Optional<TenantRow>> find(UUID id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(TenantRepository::first);
    }

    /** Changes the given fields (null keeps the current value); empty when the tenant does not exist. */
    public Uni<Optional<TenantRow>> update(UUID id, String name, List<String> channels) {
        String[] channelArray = channels == null ? null : channels.toArray(String[]::new);
        return pool.preparedQuery(UPDATE).execute(Tuple.of(id, name, channelArray)).map(TenantRepository::first);
    }

    /** Deletes the tenant with its keys and subscriptions; false when it did not exist. */
    public Uni<Boolean> delete(UUID id) {
        return pool.preparedQuery(DELETE).execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    private static Optional<TenantRow> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(tenant(rows.iterator().next()));
    }

    private static List<TenantRow> tenants(RowSet<Row> rows) {
        List<TenantRow> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(tenant(row)));
        return out;
    }

    private static TenantRow tenant(Row row) {
        return new TenantRow(row.getUUID("id"), row.getString("name"), List.of(row.getArrayOfStrings("channels")),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
