package io.hookgate.inbound.routes;

import io.hookgate.inbound.route.EventFilter;
import io.hookgate.inbound.route.EventFilters;
import io.hookgate.inbound.route.Repositories;
import io.hookgate.inbound.source.SourceService;
import io.hookgate.api.PathIds;
import io.hookgate.api.ProblemException;
import io.hookgate.api.ProblemException.FieldError;
import io.hookgate.api.TextRules;
import io.hookgate.subscription.ChannelScope;
import io.hookgate.tenant.Principal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Routes of a source and the tenant's default events; the source must be the caller's (else 404). */
@ApplicationScoped
public class RouteService {

    static final int MAX_ROUTES = 500;
    private static final int MAX_CHANNEL_CHARS = 128;

    private final SourceService sources;
    private final RouteRepository repository;
    private final ChannelScope channelScope;

    public RouteService(SourceService sources, RouteRepository repository, ChannelScope channelScope) {
        this.sources = sources;
        this.repository = repository;
        this.channelScope = channelScope;
    }

    public Uni<RouteViews.Route> create(Principal caller, String sourceIdText, RouteViews.CreateRoute request) {
        if (request == null) {
            throw ProblemException.badRequest("a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!Repositories.valid(request.repository())) {
            errors.add(new FieldError("repository", "repository must be owner/name or group/sub/project: 2-20"
                    + " segments of A-Z a-z 0-9 . _ -, at most " + Repositories.MAX_CHARS + " characters"));
        }
        if (request.channel() == null) {
            errors.add(new FieldError("channel", "channel is required"));
        } else {
            TextRules.lineProblem(request.channel(), MAX_CHANNEL_CHARS)
                    .ifPresent(p -> errors.add(new FieldError("channel", "channel " + p)));
        }
        List<String> events = request.events() == null ? null : events(request.events(), "events", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the route is not valid", errors);
        }
        return sources.find(caller, sourceIdText).chain(source -> channelScope.of(caller, source.tenantId())
                .invoke(tenant -> ChannelScope.requireOne(tenant, "channel", request.channel()))
                .chain(() -> repository.insert(source, UUID.randomUUID(), request.repository(),
                        request.channel(), events, MAX_ROUTES))
                .map(stored -> RouteViews.Route.of(source.id().toString(), stored)));
    }

    public Uni<RouteViews.Routes> list(Principal caller, String sourceIdText) {
        return sources.find(caller, sourceIdText).chain(source -> repository.forSource(source)
                .map(all -> new RouteViews.Routes(all.stream()
                        .map(r -> RouteViews.Route.of(source.id().toString(), r)).toList())));
    }

    public Uni<Void> delete(Principal caller, String sourceIdText, String routeIdText) {
        UUID routeId = PathIds.uuid(routeIdText, "route");
        return sources.find(caller, sourceIdText).chain(source -> repository.delete(source, routeId))
                .invoke(deleted -> {
                    if (!deleted) {
                        throw ProblemException.notFound("route");
                    }
                }).replaceWithVoid();
    }

    public Uni<RouteViews.Defaults> defaults(UUID tenantId) {
        return repository.defaults(tenantId).map(filter -> new RouteViews.Defaults(EventFilters.wire(filter)));
    }

    public Uni<RouteViews.Defaults> putDefaults(UUID tenantId, RouteViews.Defaults request) {
        List<FieldError> errors = new ArrayList<>();
        List<String> events = events(request == null ? null : request.events(), "events", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the defaults are not valid", errors);
        }
        return repository.putDefaults(tenantId, events).chain(() -> defaults(tenantId));
    }

    /** The events list as stored: validated, {@code ["*"]} or the distinct names. */
    private static List<String> events(List<String> events, String field, List<FieldError> errors) {
        EventFilters.Parsed parsed = EventFilters.parse(events);
        if (parsed instanceof EventFilters.Parsed.Invalid invalid) {
            errors.add(new FieldError(field, invalid.message()));
            return null;
        }
        EventFilter filter = ((EventFilters.Parsed.Valid) parsed).filter();
        return EventFilters.wire(filter);
    }
}
