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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** SQL for {@code api_keys}: only the key id and the SHA-256 of the secret part are ever stored. */
@ApplicationScoped
public class ApiKeyRepository {

    /** An active key as authentication needs it. */
    public record ActiveKey(byte[] secretHash, UUID tenantId, Set<String> channels) {
    }

    /** A key as listed; never the key itself. {@code lastUsedAt} is null until a use was written. */
    public record KeyRow(String id, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
    }

    /** What a revocation did; a tenant always keeps one active key. */
    public enum Revocation {
        /** Revoked now, or already revoked before. */
        REVOKED,
        /** No such key for this tenant (or no such tenant). */
        NOT_FOUND,
        /** Refused: it is the tenant's last active key. */
        LAST_ACTIVE_KEY
    }

    private static final String FIND_ACTIVE = """
            SELECT k.secret_hash, k.tenant_id, t.channels FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
            WHERE k.id = $1 AND k.revoked_at IS NULL""";
    // inserts nothing when the tenant does not exist, which the caller turns into 404
    private static final String INSERT = """
            INSERT INTO api_keys (id, tenant_id, secret_hash) SELECT $1, t.id, $3 FROM tenants t WHERE t.id = $2
            RETURNING id, created_at, revoked_at, last_used_at""";
    private static final String LIST = """
            SELECT k.id, k.created_at, k.revoked_at, k.last_used_at
            FROM tenants t LEFT JOIN api_keys k ON k.tenant_id = t.id
            WHERE t.id = $1 ORDER BY k.created_at, k.id""";
    // serialises revocations of one tenant, so two of them can never both see the other key as still active
    private static final String LOCK_TENANT = "SELECT id FROM tenants WHERE id = $1 FOR NO KEY UPDATE";
    private static final String KEY_AND_OTHERS = """
            SELECT k.revoked_at IS NOT NULL AS revoked,
                   (SELECT count(*) FROM api_keys o WHERE o.tenant_id = $2 AND o.id <> $1 AND o.revoked_at IS NULL)
                       AS others
            FROM api_keys k WHERE k.id = $1 AND k.tenant_id = $2""";
    private static final String REVOKE = "UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND tenant_id = $2";
    // several replicas may write the same key: keep the latest time
    private static final String RECORD_USE = """
            UPDATE api_keys k SET last_used_at = u.at
            FROM unnest($1::text[], $2::timestamptz[]) AS u (id, at)
            WHERE k.id = u.id AND (k.last_used_at IS NULL OR k.last_used_at < u.at)""";

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

    /** The tenant's active keys, oldest first; empty when the tenant does not exist. */
    public Uni<Optional<List<KeyRow>>> listActive(UUID tenantId) {
        return list(tenantId).map(found -> found.map(keys -> keys.stream().filter(k -> k.revokedAt() == null)
                .toList()));
    }

    /** Revokes the key unless it is the tenant's last active one; revoking twice keeps the first time. */
    public Uni<Revocation> revoke(UUID tenantId, String keyId) {
        return pool.withTransaction(tx -> tx.preparedQuery(LOCK_TENANT).execute(Tuple.of(tenantId))
                .chain(() -> tx.preparedQuery(KEY_AND_OTHERS).execute(Tuple.of(keyId, tenantId)))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Revocation.NOT_FOUND);
                    }
                    Row key = rows.iterator().next();
                    if (key.getBoolean("revoked")) {
                        return Uni.createFrom().item(Revocation.REVOKED);
                    }
                    if (key.getLong("others") == 0) {
                        return Uni.createFrom().item(Revocation.LAST_ACTIVE_KEY);
                    }
                    return tx.preparedQuery(REVOKE).execute(Tuple.of(keyId, tenantId)).replaceWith(Revocation.REVOKED);
                }));
    }

    /** Writes last-use times of several keys in one statement. */
    public Uni<Void> recordUse(Map<String, Instant> lastUse) {
        String[] ids = new String[lastUse.size()];
        OffsetDateTime[] times = new OffsetDateTime[lastUse.size()];
        int i = 0;
        for (Map.Entry<String, Instant> use : lastUse.entrySet()) {
            ids[i] = use.getKey();
            times[i++] = OffsetDateTime.ofInstant(use.getValue(), ZoneOffset.UTC);
        }
        return pool.preparedQuery(RECORD_USE).execute(Tuple.of(ids, times)).replaceWithVoid();
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
        return new KeyRow(row.getString("id"), row.getOffsetDateTime("created_at").toInstant(),
                instant(row.getOffsetDateTime("revoked_at")), instant(row.getOffsetDateTime("last_used_at")));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
