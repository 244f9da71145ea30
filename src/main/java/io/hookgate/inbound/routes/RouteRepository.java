package io.hookgate.inbound.routes;

import io.hookgate.api.ProblemException;
import io.hookgate.inbound.route.EventFilter;
import io.hookgate.inbound.route.EventFilters;
import io.hookgate.inbound.route.Route;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Prepared SQL over {@code inbound_routes}; callers have already checked that the source is the caller's. */
@ApplicationScoped
public class RouteRepository {

    private final Pool pool;

    public RouteRepository(Pool pool) {
        this.pool = pool;
    }

    /** A stored route with its creation time. */
    public record StoredRoute(Route route, OffsetDateTime createdAt) {
    }

    public Uni<StoredRoute> insert(UUID sourceId, UUID id, String repository, String channel, List<String> events) {
        return pool.preparedQuery("INSERT INTO inbound_routes (id, source_id, repository, channel, events)"
                + " VALUES ($1, $2, $3, $4, $5) RETURNING id, repository, channel, events, created_at")
                .execute(Tuple.tuple().addUUID(id).addUUID(sourceId).addString(repository).addString(channel)
                        .addArrayOfString(events == null ? null : events.toArray(String[]::new)))
                .map(rows -> map(rows.iterator().next()));
    }

    /** Every route of the source, oldest first (the order notifications follow). */
    public Uni<List<StoredRoute>> forSource(UUID sourceId) {
        return pool.preparedQuery("SELECT id, repository, channel, events, created_at FROM inbound_routes"
                + " WHERE source_id = $1 ORDER BY created_at, id").execute(Tuple.of(sourceId)).map(rows -> {
                    List<StoredRoute> out = new ArrayList<>(rows.size());
                    rows.forEach(row -> out.add(map(row)));
                    return out;
                });
    }

    public Uni<Boolean> delete(UUID sourceId, UUID routeId) {
        return pool.preparedQuery("DELETE FROM inbound_routes WHERE id = $1 AND source_id = $2")
                .execute(Tuple.of(routeId, sourceId)).map(rows -> rows.rowCount() > 0);
    }

    /** The tenant's default events, or the built-in defaults when it never set any. */
    public Uni<EventFilter> defaults(UUID tenantId) {
        return pool.preparedQuery("SELECT events FROM inbound_route_defaults WHERE tenant_id = $1")
                .execute(Tuple.of(tenantId)).map(rows -> rows.size() == 0 ? EventFilter.DEFAULTS
                        : filter(rows.iterator().next().getArrayOfStrings("events")).orElse(EventFilter.DEFAULTS));
    }

    public Uni<Void> putDefaults(UUID tenantId, List<String> events) {
        return pool.preparedQuery("INSERT INTO inbound_route_defaults (tenant_id, events) VALUES ($1, $2)"
                + " ON CONFLICT (tenant_id) DO UPDATE SET events = EXCLUDED.events, updated_at = now()")
                .execute(Tuple.tuple().addUUID(tenantId).addArrayOfString(events.toArray(String[]::new)))
                // foreign key violation: the admin named a tenant that does not exist
                .onFailure(e -> e instanceof PgException pg && "23503".equals(pg.getSqlState()))
                .transform(e -> ProblemException.notFound("tenant"))
                .replaceWithVoid();
    }

    private static StoredRoute map(Row row) {
        String[] events = row.getArrayOfStrings("events");
        return new StoredRoute(new Route(row.getUUID("id").toString(), row.getString("repository"),
                row.getString("channel"), events == null ? Optional.empty() : filter(events)),
                row.getOffsetDateTime("created_at"));
    }

    private static Optional<EventFilter> filter(String[] events) {
        return EventFilters.parse(Arrays.asList(events)) instanceof EventFilters.Parsed.Valid valid
                ? Optional.of(valid.filter()) : Optional.empty();
    }
}
