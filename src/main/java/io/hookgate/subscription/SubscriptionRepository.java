package io.hookgate.subscription;

import io.hookgate.api.Cursor;
import io.hookgate.secrets.SecretSlots;
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
 * {@code subscriptions} through Hibernate Reactive Panache. Every method takes a {@link Scope}, and every query
 * goes through {@link TenantScope#restrict}, so another tenant's row is simply not found.
 */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<SubscriptionEntity, UUID> {

    private static final String BY_ID = "id = :id";
    private static final String ORDER = " order by createdAt, id";

    private final ManagementSessions sessions;

    public SubscriptionRepository(ManagementSessions sessions) {
        this.sessions = sessions;
    }

    /** Inserts a new active subscription; created_at and updated_at come from the database clock. */
    public Uni<SubscriptionRow> insert(NewSubscription s) {
        SubscriptionEntity entity = new SubscriptionEntity(s);
        // the flush reads back the database's created_at and updated_at (RETURNING)
        return sessions.write(() -> persistAndFlush(entity).map(SubscriptionEntity::row));
    }

    /** The row with this id inside the scope. */
    public Uni<Optional<SubscriptionRow>> find(Scope scope, UUID id) {
        TenantScope.Restricted where = scope.restrict(BY_ID, Map.of("id", id));
        return sessions.read(() -> find(where.where(), where.params()).firstResult().map(SubscriptionRepository::row));
    }

    /** Up to {@code limit} rows after the cursor, ordered by (created_at, id). */
    public Uni<List<SubscriptionRow>> page(Scope scope, Optional<Cursor> after, int limit) {
        TenantScope.Restricted where = after
                .map(cursor -> scope.restrict("(createdAt, id) > (:createdAt, :id)",
                        Map.of("createdAt", cursor.createdAt(), "id", cursor.id())))
                .orElseGet(() -> scope.restrict("", Map.of()));
        return sessions.read(() -> find(where.where() + ORDER, where.params()).range(0, limit - 1).list()
                .map(rows -> rows.stream().map(SubscriptionEntity::row).toList()));
    }

    /** Applies the changes and bumps updated_at; empty when the row is not in scope. */
    public Uni<Optional<SubscriptionRow>> update(Scope scope, UUID id, SubscriptionChanges changes) {
        if (changes.isEmpty()) {
            return find(scope, id);
        }
        Map<String, Object> params = new HashMap<>();
        String sets = PartialUpdate.set(changes.values(), SubscriptionChanges.Column::attribute, params);
        params.put("id", id);
        TenantScope.Restricted where = scope.restrict(BY_ID, params);
        String statement = sets + " where " + where.where();
        return sessions.write(() -> update(statement, where.params()).chain(updated -> updated == 0
                ? Uni.createFrom().item(Optional.<SubscriptionRow>empty())
                : find(scope, id)));
    }

    /** Deletes the row (its deliveries cascade); false when it is not in scope. */
    public Uni<Boolean> delete(Scope scope, UUID id) {
        TenantScope.Restricted where = scope.restrict(BY_ID, Map.of("id", id));
        return sessions.write(() -> delete(where.where(), where.params()).map(deleted -> deleted > 0));
    }

    /**
     * Replaces the secret slots under a row lock, so concurrent rotations cannot lose a key.
     *
     * @param rotate computes the new slots from the locked row
     */
    public Uni<Optional<SubscriptionRow>> rotateSecret(Scope scope, UUID id,
            Function<SubscriptionRow, SecretSlots> rotate) {
        TenantScope.Restricted where = scope.restrict(BY_ID, Map.of("id", id));
        return sessions.write(() -> find(where.where(), where.params()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult().chain(locked -> locked == null
                        ? Uni.createFrom().item(Optional.<SubscriptionRow>empty())
                        : writeSlots(locked, rotate.apply(locked.row())).map(Optional::of)));
    }

    private Uni<SubscriptionRow> writeSlots(SubscriptionEntity locked, SecretSlots slots) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", locked.row().id());
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
                .chain(() -> findById(locked.row().id())).map(SubscriptionEntity::row);
    }

    private static Optional<SubscriptionRow> row(SubscriptionEntity entity) {
        return Optional.ofNullable(entity).map(SubscriptionEntity::row);
    }
}
