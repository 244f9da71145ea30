package io.hookgate.tenant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs management-data work (Hibernate Reactive Panache) in a session or transaction. Panache needs a safe
 * (isolated) Vert.x sub-context: a REST request has one; a timer, a Kafka callback or a test thread does not, so
 * the work then hops onto a fresh one instead of failing with "No current Vertx context found".
 */
@ApplicationScoped
public class ManagementSessions {

    // pg_advisory_xact_lock returns void, which a native query cannot map: count its one row instead
    private static final String SERIALIZE =
            "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) AS locked";

    private final Vertx vertx;

    public ManagementSessions(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Reads in one session (one connection from the shared reactive pool). */
    public <T> Uni<T> read(Supplier<Uni<T>> work) {
        return onSafeContext(() -> Panache.withSession(work));
    }

    /** Writes in one transaction; joins the transaction already open on this context, if any. */
    public <T> Uni<T> write(Supplier<Uni<T>> work) {
        return onSafeContext(() -> Panache.withTransaction(work));
    }

    /**
     * Inside {@link #write}: waits for, then holds until the transaction ends, a lock on {@code scope} of {@code id},
     * so that concurrent "count, then insert if below the limit" writes for the same parent run one after another
     * instead of all counting the same total (PostgreSQL advisory lock: no row of a hot table is locked).
     */
    public Uni<Void> serialize(String scope, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SERIALIZE)
                .setParameter("key", scope + ":" + id).getSingleResult()).replaceWithVoid();
    }

    private <T> Uni<T> onSafeContext(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Context current = Vertx.currentContext();
            if (current != null && VertxContext.isDuplicatedContext(current)
                    && VertxContextSafetyToggle.isExplicitlyMarkedAsSafe(current)) {
                return work.get();
            }
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            return Uni.createFrom().<T>emitter(emitter -> context.runOnContext(ignored -> work.get()
                    .subscribe().with(emitter::complete, emitter::fail)));
        });
    }
}
