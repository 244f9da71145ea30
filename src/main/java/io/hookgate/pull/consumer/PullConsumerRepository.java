package io.hookgate.pull.consumer;

import io.hookgate.api.ProblemException;
import io.hookgate.tenant.ManagementSessions;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code pull_consumers} through Hibernate Reactive Panache. Tenant scope is enforced one level up: callers pass
 * a subscription id they have already found within the caller's scope ({@code SubscriptionRepository.find}).
 */
@ApplicationScoped
public class PullConsumerRepository implements PanacheRepositoryBase<PullConsumerEntity, PullConsumerEntity.Key> {

    // native: Hibernate Reactive cannot run an HQL insert ... on conflict for an entity with a composite id
    private static final String UPSERT = "INSERT INTO pull_consumers (subscription_id, name, cursor)"
            + " VALUES (:subscription, :name, :cursor)"
            + " ON CONFLICT (subscription_id, name) DO UPDATE SET cursor = excluded.cursor, updated_at = now()";

    private final ManagementSessions sessions;

    public PullConsumerRepository(ManagementSessions sessions) {
        this.sessions = sessions;
    }

    public Uni<Optional<PullConsumerEntity>> find(UUID subscriptionId, String name) {
        return sessions.read(() -> find("subscriptionId = ?1 and name = ?2", subscriptionId, name).firstResult()
                .map(Optional::ofNullable));
    }

    /** The subscription's consumers by name; a subscription has few (bounded by the API's limit). */
    public Uni<List<PullConsumerEntity>> all(UUID subscriptionId, int max) {
        return sessions.read(() -> find("subscriptionId = ?1 order by name", subscriptionId).range(0, max - 1)
                .list());
    }

    /**
     * Commits a cursor and returns the stored row. The first commit of a name creates the consumer, unless the
     * subscription already has {@code max} (a 409); the check and the upsert run under one lock per subscription,
     * so concurrent first commits cannot all see room for one more.
     */
    public Uni<PullConsumerEntity> commit(UUID subscriptionId, String name, String cursor, int max) {
        return sessions.write(() -> sessions.serialize("pull_consumers", subscriptionId)
                // a count, not an entity: a loaded one would be what the find below answers, with the old cursor
                .chain(() -> count("subscriptionId = ?1 and name = ?2", subscriptionId, name))
                .chain(existing -> existing > 0 ? Uni.createFrom().voidItem() : roomFor(subscriptionId, max))
                .chain(() -> getSession()).chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter("subscription", subscriptionId).setParameter("name", name)
                        .setParameter("cursor", cursor).executeUpdate())
                .chain(() -> find("subscriptionId = ?1 and name = ?2", subscriptionId, name).firstResult()));
    }

    private Uni<Void> roomFor(UUID subscriptionId, int max) {
        return count("subscriptionId = ?1", subscriptionId).invoke(n -> {
            if (n >= max) {
                throw new ProblemException(409, "too-many-consumers", "Conflict", "a subscription has at most "
                        + max + " consumers; delete one first");
            }
        }).replaceWithVoid();
    }

    public Uni<Boolean> remove(UUID subscriptionId, String name) {
        return sessions.write(() -> delete("subscriptionId = ?1 and name = ?2", subscriptionId, name)
                .map(deleted -> deleted > 0));
    }
}
