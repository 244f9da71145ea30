package io.hookgate.inbound.routes;

import io.hookgate.inbound.route.EventFilter;
import io.hookgate.inbound.route.EventFilters;
import io.hookgate.inbound.route.Route;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ingest endpoint's routing read: a source's routes and its tenant's default events in one prepared statement
 * on the reactive pool, per verified GitHub or GitLab request (exact SQL, docs/DESIGN.md "Two data-access styles").
 */
@ApplicationScoped
public class RouteLookup {

    private static final String SQL = "SELECT r.id, r.repository, r.channel, r.events, d.events AS defaults"
            + " FROM inbound_routes r LEFT JOIN inbound_route_defaults d ON d.tenant_id = $2"
            + " WHERE r.source_id = $1 ORDER BY r.created_at, r.id";

    private final Pool pool;

    public RouteLookup(Pool pool) {
        this.pool = pool;
    }

    /** A source's routes, oldest first, and the events a route without its own takes. */
    public record Routing(List<Route> routes, EventFilter defaults) {
    }

    /** The routing of source {@code sourceId} of tenant {@code tenantId}; no routes means no notifications. */
    public Uni<Routing> routing(UUID sourceId, UUID tenantId) {
        return pool.preparedQuery(SQL).execute(Tuple.of(sourceId, tenantId)).map(rows -> {
            List<Route> routes = new ArrayList<>(rows.size());
            EventFilter defaults = EventFilter.DEFAULTS;
            for (Row row : rows) {
                routes.add(new Route(row.getUUID("id").toString(), row.getString("repository"),
                        row.getString("channel"), filter(row.getArrayOfStrings("events"))));
                String[] own = row.getArrayOfStrings("defaults");
                defaults = own == null ? EventFilter.DEFAULTS : filter(own).orElse(EventFilter.DEFAULTS);
            }
            return new Routing(routes, defaults);
        });
    }

    /** A stored events list as a filter; empty for null (the defaults) or a list no longer valid. */
    static Optional<EventFilter> filter(String[] events) {
        return events != null && EventFilters.parse(Arrays.asList(events)) instanceof EventFilters.Parsed.Valid valid
                ? Optional.of(valid.filter()) : Optional.empty();
    }
}
