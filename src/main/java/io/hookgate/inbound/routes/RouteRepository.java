package io.hookgate.inbound.routes;

import io.hookgate.api.ProblemException;
import io.hookgate.inbound.route.EventFilter;
import io.hookgate.inbound.route.Route;
import io.hookgate.inbound.source.SourceRow;
import io.hookgate.tenant.ManagementSessions;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code inbound_routes} and {@code inbound_route_defaults} through Hibernate Reactive Panache, for the management
 * API. Tenant scope is enforced one level up, as for pull consumers: every route method takes a {@link SourceRow}
 * that the caller found through the scoped {@code SourceRepository.find}, and every query names its source id. The
 * ingest endpoint reads routes through {@link RouteLookup} instead (exact SQL, docs/DESIGN.md).
 */
@ApplicationScoped
public class RouteRepository implements PanacheRepositoryBase<RouteEntity, UUID> {

    // native: Hibernate Reactive runs no HQL insert ... on conflict; one statement keeps two first PUTs from racing
    private static final String PUT_DEFAULTS = "INSERT INTO inbound_route_defaults (tenant_id, events)"
            + " VALUES (:tenant, :events) ON CONFLICT (tenant_id) DO UPDATE SET events = excluded.events,"
            + " updated_at = now()";

    private final ManagementSessions sessions;

    public RouteRepository(ManagementSessions sessions) {
        this.sessions = sessions;
    }

    /** A stored route with its creation time. */
    public record StoredRoute(Route route, Instant createdAt) {
    }

    /**
     * Adds a route unless the source already has {@code max} (a 409); the count and the insert run under one lock per
     * source, so concurrent creates cannot all see room for one more. A source deleted since the caller found it is
     * a 404, not a foreign-key 500.
     */
    Uni<StoredRoute> insert(SourceRow source, UUID id, String repository, String channel, List<String> events,
            int max) {
        RouteEntity entity = new RouteEntity(id, source.id(), repository, channel, events);
        return sessions.write(() -> sessions.serialize("inbound_routes", source.id())
                        .chain(() -> count("sourceId", source.id()))
                        .invoke(existing -> {
                            if (existing >= max) {
                                throw new ProblemException(409, "too-many-routes", "Conflict",
                                        "a source may have at most " + max + " routes");
                            }
                        })
                        .chain(() -> persistAndFlush(entity)).map(RouteEntity::stored))
                .onFailure(ForeignKeys::violated).transform(e -> ProblemException.notFound("source"));
    }

    /** Every route of the source, oldest first (the order notifications follow). */
    Uni<List<StoredRoute>> forSource(SourceRow source) {
        return sessions.read(() -> find("sourceId = ?1 order by createdAt, id", source.id()).list()
                .map(rows -> rows.stream().map(RouteEntity::stored).toList()));
    }

    /** False when the route is not one of this source's. */
    Uni<Boolean> delete(SourceRow source, UUID routeId) {
        return sessions.write(() -> delete("id = ?1 and sourceId = ?2", routeId, source.id())
                .map(deleted -> deleted > 0));
    }

    /** The tenant's default events, or the built-in defaults when it never set any. */
    Uni<EventFilter> defaults(UUID tenantId) {
        return sessions.read(() -> getSession().chain(session -> session.find(RouteDefaultsEntity.class, tenantId))
                .map(row -> row == null ? EventFilter.DEFAULTS
                        : RouteLookup.filter(row.events()).orElse(EventFilter.DEFAULTS)));
    }

    /** Sets the tenant's defaults; a tenant that does not exist is a 404. */
    Uni<Void> putDefaults(UUID tenantId, List<String> events) {
        return sessions.write(() -> getSession().chain(session -> session.createNativeQuery(PUT_DEFAULTS)
                .setParameter("tenant", tenantId).setParameter("events", events.toArray(String[]::new))
                .executeUpdate()))
                .onFailure(ForeignKeys::violated).transform(e -> ProblemException.notFound("tenant"))
                .replaceWithVoid();
    }
}
