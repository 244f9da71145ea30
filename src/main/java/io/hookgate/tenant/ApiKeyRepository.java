package io.hookgate.tenant;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** SQL for {@code api_keys}: only the key id and the SHA-256 of the secret part are ever stored. */
@ApplicationScoped
public class ApiKeyRepository {

    /** An active key as authentication needs it. */
    public record ActiveKey(byte[] secretHash, UUID tenantId, Set<String> channels) {
    }

    /** A key as listed to operators; never the key itself. */
    public record KeyRow(String id, Instant createdAt, Instant revokedAt) {
    }

    private static final String FIND_ACTIVE = """
            SELECT k.secret_hash, k.tenant_id, t.channels FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            WHERE k.id = $1 AND k.revoked_at IS NULL""";
    // inserts nothing when the tenant does not exist, which the caller turns into 404
    private static final String INSERT = """
            INSERT INTO api_keys (id, tenant_id, secret_hash) SELECT $1, t.id, $3 FROM tenants t WHERE t.id = $2
            RETURNING id, created_at, revoked_at""";
    private static final String LIST = """
            SELECT k.id, k.created_at, k.revoked_at FROM tenants t LEFT JOIN api_keys k ON k.tenant_id = t.id
            WHERE t.id = $1 ORDER BY k.created_at, k.id""";
    // revoking twice keeps the first revocation time
    private static final String REVOKE = """
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 AND tenant_id = $2""";

    private final Pool pool;

    public ApiKeyRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<ActiveKey>> findActive(String keyId) {
        return pool.preparedQuery(FIND_ACTIVE).execute(Tuple.of(keyId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new ActiveKey(row.getBuffer("secret_hash").getBytes(), row.getUUID("tenant_id"),
                    Set.of(row.getArrayOfStrings("channels"))));
        });
    }

    /** Stores a new key of the tenant, using {@code client} so it can join a transaction; empty if no tenant. */
    public Uni<Optional<KeyRow>> insert(SqlClient client, UUID tenantId, ApiKeyCodec.Generated key) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.of(key.keyId(), tenantId, Buffer.buffer(key.secretHash())))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(keyRow(rows.iterator().next())));
    }

    public Uni<Optional<KeyRow>> insert(UUID tenantId, ApiKeyCodec.Generated key) {
        return insert(pool, tenantId, key);
    }

    /** The tenant's keys, oldest first; empty when the tenant does not exist. */
    public Uni<Optional<List<KeyRow>>> list(UUID tenantId) {
        return pool.preparedQuery(LIST).execute(Tuple.of(tenantId)).map(ApiKeyRepository::keysOfTenant);
    }

    /** True when the tenant has this key (now revoked). */
    public Uni<Boolean> revoke(UUID tenantId, String keyId) {
        return pool.preparedQuery(REVOKE).execute(Tuple.of(keyId, tenantId)).map(rows -> rows.rowCount() == 1);
    }

    private static Optional<List<KeyRow>> keysOfTenant(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        List<KeyRow> keys = new ArrayList<>();
        for (Row row : rows) {
            // a tenant without keys still yields one row, with NULLs from the outer join
            if (row.getString("id") != null) {
                keys.add(keyRow(row));
            }
        }
        return Optional.of(keys);
    }

    private static KeyRow keyRow(Row row) {
        OffsetDateTime revoked = row.getOffsetDateTime("revoked_at");
        return new KeyRow(row.getString("id"), row.getOffsetDateTime("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
