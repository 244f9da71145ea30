package io.hookgate.tenant;

import io.hookgate.api.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code tenants} through Hibernate Reactive Panache; the admin is the only caller, so no tenant scope applies. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<TenantEntity, UUID> {

    /** A stored tenant. */
    public record TenantRow(UUID id, String name, List<String> channels, Instant createdAt, Instant updatedAt) {
    }

    /** A new tenant with its first key. */
    public record Created(TenantRow tenant, ApiKeyRepository.KeyRow key) {
    }

    private static final String ORDER = " order by createdAt, id";

    private final ManagementSessions sessions;
    private final ApiKeyRepository keys;
    private final KeyCache cache;

    public TenantRepository(ManagementSessions sessions, ApiKeyRepository keys, KeyCache cache) {
        this.sessions = sessions;
        this.keys = keys;
        this.cache = cache;
    }

    /** Inserts the tenant and its first key in one transaction. */
    public Uni<Created> create(UUID id, String name, List<String> channels, ApiKeyCodec.Generated key) {
        TenantEntity tenant = new TenantEntity(id, name, channels);
        ApiKeyEntity first = new ApiKeyEntity(key.keyId(), id, key.secretHash());
        // the flush reads back the database's created_at and updated_at (RETURNING)
        return sessions.write(() -> persist(tenant).chain(() -> keys.persistAndFlush(first))
                .map(ignored -> new Created(tenant.row(), first.row())));
    }

    /** Up to {@code count} tenants after the cursor (null for the first page), in (created_at, id) order. */
    public Uni<List<TenantRow>> page(Cursor after, int count) {
        return sessions.read(() -> (after == null
                ? find("1 = 1" + ORDER)
                : find("(createdAt, id) > (:createdAt, :id)" + ORDER,
                        Map.<String, Object>of("createdAt", after.createdAt(), "id", after.id())))
                .range(0, count - 1).list()
                .map(found -> found.stream().map(TenantEntity::row).toList()));
    }

    public Uni<Optional<TenantRow>> find(UUID id) {
        return sessions.read(() -> findById(id).map(found -> Optional.ofNullable(found).map(TenantEntity::row)));
    }

    /** Changes the given fields (null keeps the current value); empty when the tenant does not exist. */
    public Uni<Optional<TenantRow>> update(UUID id, String name, List<String> channels) {
        List<String> sets = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        if (name != null) {
            sets.add("name = :name");
            params.put("name", name);
        }
        if (channels != null) {
            sets.add("channels = :channels");
            params.put("channels", channels.toArray(String[]::new));
        }
        // updated_at comes from the database clock, like created_at
        sets.add("updatedAt = current_timestamp");
        String statement = String.join(", ", sets) + " where id = :id";
        return sessions.write(() -> update(statement, params).chain(updated -> updated == 0
                ? Uni.createFrom().item(Optional.<TenantRow>empty())
                : findById(id).map(found -> Optional.of(found.row())))).eventually(() -> cache.forgetTenant(id));
    }

    /** Deletes the tenant with its keys and subscriptions (the foreign keys cascade); false when it did not exist. */
    public Uni<Boolean> delete(UUID id) {
        return sessions.write(() -> delete("id", id).map(deleted -> deleted == 1))
                .eventually(() -> cache.forgetTenant(id));
    }
}
