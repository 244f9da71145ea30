package io.hookgate.inbound.route;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Which channels a verified repository event goes to. Pure: the caller loads routes and defaults. */
public final class RouteMatcher {

    private RouteMatcher() {
    }

    /**
     * The distinct channels, in route order, of the routes for {@code repository} (ignoring case) whose filter
     * (or, without one, {@code tenantDefaults}) accepts {@code event}. One notification per channel, however
     * many of its routes match.
     */
    public static List<String> channels(List<Route> routes, EventFilter tenantDefaults, String repository,
            String event) {
        Objects.requireNonNull(tenantDefaults, "tenantDefaults");
        if (repository == null || event == null) {
            return List.of();
        }
        String key = Repositories.key(repository);
        Set<String> channels = new LinkedHashSet<>();
        for (Route route : routes) {
            boolean sameRepository = Repositories.key(route.repository()).equals(key);
            if (sameRepository && route.events().orElse(tenantDefaults).accepts(event)) {
                channels.add(route.channel());
            }
        }
        return List.copyOf(channels);
    }
}
