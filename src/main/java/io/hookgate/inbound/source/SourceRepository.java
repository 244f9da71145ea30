package io.hookgate.inbound.source;

import io.hookgate.api.Cursor;
import io.hookgate.secrets.SecretSlots;
import io.hookgate.subscription.Scope;
import io.hookgate.tenant.ManagementSessions;
import io.hookgate.tenant.PartialUpdate;
import io.hookgate.tenant.TenantScope;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@code inbound_sources} through Hibernate Reactive Panache, for the management API. Every method takes a
 * {@link Scope}, and every query goes through {@link TenantScope#restrict}, so another tenant's source is simply not
 * found. The ingest endpoint reads sources through {@link SourceLookup} instead (exact SQL, docs/DESIGN.md).
 */
@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<SourceEntity, UUID> {

    private static final String BY_ID = "id = :id";
    private static final String ORDER = " order by createdAt, id";

    private final ManagementSessions sessions;

    public SourceRepository(ManagementSessions sessions) {
        this.sessions = sessions;
    }

    /** Inserts a new source; created_at and updated_at come from the database clock. */
    Uni<SourceRow> insert(NewSource s) {
        SourceEntity entity = new SourceEntity(s);
        // the flush reads back the database's created_at and updated_at (RETURNING)
        return sessions.write(() -> persistAndFlush(entity).map(SourceEntity::row));
    }

    /** The source with this id inside the scope. */
    public Uni<Optional<SourceRow>> find(Scope scope, UUID id) {
        TenantScope.Restricted where = scope.restrict(BY_ID, Map.of("id", id));
        return sessions.read(() -> find(where.where(), where.params()).firstResult().map(SourceRepository::row));
    }

    /** Up to {@code limit} rows after the cursor, ordered by (created_at, id). */
    Uni<List<SourceRow>> page(Scope scope, Optional<Cursor> after, int limit) {
        TenantScope.Restricted where = after
                .map(cursor -> scope.restrict("(createdAt, id) > (:createdAt, :id)",
                        Map.of("createdAt", cursor.createdAt(), "id", cursor.id())))
                .orElseGet(() -> scope.restrict("", Map.of()));
        return sessions.read(() -> find(where.where() + ORDER, where.params()).range(0, limit - 1).list()
                .map(rows -> rows.stream().map(SourceEntity::row).toList()));
    }

    /** Applies the changes and bumps updated_at; empty when the row is not in scope (or was deleted meanwhile). */
    Uni<Optional<SourceRow>> update(Scope scope, UUID id, SourceChanges changes) {
        if (changes.isEmpty()) {
            return find(scope, id);
        }
        Map<String, Object> params = new HashMap<>();
        String sets = PartialUpdate.set(changes.values(), SourceChanges.Column::attribute, params);
        params.put("id", id);
        TenantScope.Restricted where = scope.restrict(BY_ID, params);
        String statement = sets + " where " + where.where();
        return sessions.write(() -> update(statement, where.params()).chain(updated -> updated == 0
                ? Uni.createFrom().item(Optional.<SourceRow>empty())
                : find(scope, id)));
    }

    /** Deletes the source (its routes and dedupe rows cascade); false when it is not in scope. */
    Uni<Boolean> delete(Scope scope, UUID id) {
        TenantScope.Restricted where = scope.restrict(BY_ID, Map.of("id", id));
        return sessions.write(() -> delete(where.where(), where.params()).map(deleted -> deleted > 0));
    }

    /** Replaces the secret slots under a row lock, so concurrent rotations cannot lose a key. */
    Uni<Optional<SourceRow>> rotate(Scope scope, UUID id, Function<SourceRow, SecretSlots> rotate) {
        TenantScope.Restricted where = scope.restrict(BY_ID, Map.of("id", id));
        return sessions.write(() -> find(where.where(), where.params()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult().chain(locked -> locked == null
                        ? Uni.createFrom().item(Optional.<SourceRow>empty())
                        : writeSlots(locked.row().id(), rotate.apply(locked.row())).map(Optional::of)));
    }

    private Uni<SourceRow> writeSlots(UUID id, SecretSlots slots) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("currentVersion", slots.current().keyVersion());
        params.put("current", slots.current().blob());
        params.put("previousVersion", slots.previous().keyVersion());
        params.put("previous", slots.previous().blob());
        params.put("previousExpiresAt", slots.previousExpiresAt());
        String statement = "secretKeyVersion = :currentVersion, secretCiphertext = :current,"
                + " previousKeyVersion = :previousVersion, previousCiphertext = :previous,"
                + " previousExpiresAt = :previousExpiresAt, updatedAt = current_timestamp where id = :id";
        // the bulk update bypasses the session: forget the locked entity, then load what was written
        return update(statement, params).chain(() -> getSession()).invoke(Mutiny.Session::clear)
                .chain(() -> findById(id)).map(SourceEntity::row);
    }

    private static Optional<SourceRow> row(SourceEntity entity) {
        return Optional.ofNullable(entity).map(SourceEntity::row);
    }
}
