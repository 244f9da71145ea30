package io.hookgate.inbound.route;

import java.util.Objects;
import java.util.Optional;

/**
 * One route of a source: events of {@code repository} go to {@code channel} as notifications.
 *
 * @param id the route id
 * @param repository as configured; matched ignoring case
 * @param channel the chat channel notifications are keyed by
 * @param events the route's own filter; empty means the tenant's defaults, looked up at match time
 */
public record Route(String id, String repository, String channel, Optional<EventFilter> events) {

    public Route {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(events, "events");
    }
}
