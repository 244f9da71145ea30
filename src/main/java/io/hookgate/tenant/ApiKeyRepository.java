package io.hookgate.tenant;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code api_keys} through Hibernate Reactive Panache, each query restricted by {@link TenantScope}. The batched
 * last-use write stays exact SQL on the reactive client: one {@code unnest} statement for many keys.
 */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKeyEntity, String> {

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
            select k.secretHash, k.tenantId, t.channels from ApiKeyEntity k join TenantEntity t on t.id = k.tenantId
            where k.id = :id and k.revokedAt is null""";
    private static final String OTHER_ACTIVE = "id <> :id and revokedAt is null";
    // several replicas may write the same key: keep the latest time
    private static final String RECORD_USE = """
            UPDATE api_keys k SET last_used_at = u.at
            FROM unnest($1::text[], $2::timestamptz[]) AS u (id, at)
            WHERE k.id = u.id AND (k.last_used_at IS NULL OR k.last_used_at < u.at)""";

    private final ManagementSessions sessions;
    private final Pool pool;
    private final KeyCache cache;

    public ApiKeyRepository(ManagementSessions sessions, Pool pool, KeyCache cache) {
        this.sessions = sessions;
        this.pool = pool;
        this.cache = cache;
    }

    public Uni<Optional<ActiveKey>> findActive(String keyId) {
        return sessions.read(() -> getSession().chain(session -> session.createSelectionQuery(FIND_ACTIVE,
                        Object[].class).setParameter("id", keyId).getSingleResultOrNull()))
                .map(row -> Optional.ofNullable(row).map(r -> new ActiveKey((byte[]) r[0], (UUID) r[1],
                        Set.of((String[]) r[2]))));
    }

    /** Stores a new key of the tenant; empty when there is no such tenant. */
    public Uni<Optional<KeyRow>> insert(UUID tenantId, ApiKeyCodec.Generated key) {
        ApiKeyEntity entity = new ApiKeyEntity(key.keyId(), tenantId, key.secretHash());
        // the share lock keeps the tenant from being deleted between the check and the insert
        return sessions.write(() -> tenantRow(tenantId, LockModeType.PESSIMISTIC_READ).chain(exists -> !exists
                ? Uni.createFrom().item(Optional.<KeyRow>empty())
                : persistAndFlush(entity).map(stored -> Optional.of(stored.row()))));
    }

    /** The tenant's keys, oldest first; empty when the tenant does not exist. */
    public Uni<Optional<List<KeyRow>>> list(UUID tenantId) {
        TenantScope.Restricted all = TenantScope.of(tenantId).restrict("", Map.of());
        return sessions.read(() -> tenantRow(tenantId, LockModeType.NONE).chain(exists -> !exists
                ? Uni.createFrom().item(Optional.<List<KeyRow>>empty())
                : find(all.where() + " order by createdAt, id", all.params()).list()
                        .map(keys -> Optional.of(keys.stream().map(ApiKeyEntity::row).toList()))));
    }

    /** The tenant's active keys, oldest first; empty when the tenant does not exist. */
    public Uni<Optional<List<KeyRow>>> listActive(UUID tenantId) {
        return list(tenantId).map(found -> found.map(keys -> keys.stream().filter(k -> k.revokedAt() == null)
                .toList()));
    }

    /** Revokes the key unless it is the tenant's last active one; revoking twice keeps the first time. */
    public Uni<Revocation> revoke(UUID tenantId, String keyId) {
        TenantScope scope = TenantScope.of(tenantId);
        TenantScope.Restricted key = scope.restrict("id = :id", Map.of("id", keyId));
        TenantScope.Restricted others = scope.restrict(OTHER_ACTIVE, Map.of("id", keyId));
        // the tenant row lock serialises revocations of one tenant, so two of them can never both see the other
        // key as still active
        return sessions.write(() -> tenantRow(tenantId, LockModeType.PESSIMISTIC_WRITE)
                .chain(() -> find(key.where(), key.params()).<ApiKeyEntity>firstResult())
                .chain(found -> {
                    if (found == null) {
                        return Uni.createFrom().item(Revocation.NOT_FOUND);
                    }
                    if (found.revoked()) {
                        return Uni.createFrom().item(Revocation.REVOKED);
                    }
                    return count(others.where(), others.params()).chain(active -> active == 0
                            ? Uni.createFrom().item(Revocation.LAST_ACTIVE_KEY)
                            : update("revokedAt = current_timestamp where " + key.where(), key.params())
                                    .replaceWith(Revocation.REVOKED));
                })).eventually(() -> cache.forgetTenant(tenantId));
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

    private Uni<Boolean> tenantRow(UUID tenantId, LockModeType lock) {
        return getSession().chain(session -> session.find(TenantEntity.class, tenantId, lock))
                .map(tenant -> tenant != null);
    }
}
