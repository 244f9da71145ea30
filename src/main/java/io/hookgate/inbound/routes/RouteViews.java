package io.hookgate.inbound.routes;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hookgate.inbound.route.EventFilters;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies and answers of the routes API. */
public final class RouteViews {

    private RouteViews() {
    }

    /** {@code POST /v1/sources/{id}/routes}. */
    public record CreateRoute(
            @Schema(description = "owner/name (GitHub) or group/sub/project (GitLab); matched ignoring case",
                    example = "octo-org/Hello-World") @JsonProperty("repository") String repository,
            @Schema(description = "The chat channel notifications are keyed by; inside the tenant's channels")
            @JsonProperty("channel") String channel,
            @Schema(description = "Event names, or [\"*\"] for all; omitted = the tenant's route defaults",
                    nullable = true) @JsonProperty("events") List<String> events) {
    }

    /** A route; {@code events} null means the tenant's defaults at match time. */
    public record Route(@JsonProperty("id") String id, @JsonProperty("source_id") String sourceId,
            @JsonProperty("repository") String repository, @JsonProperty("channel") String channel,
            @JsonProperty("events") List<String> events, @JsonProperty("created_at") Instant createdAt) {

        static Route of(String sourceId, RouteRepository.StoredRoute stored) {
            return new Route(stored.route().id(), sourceId, stored.route().repository(), stored.route().channel(),
                    stored.route().events().map(EventFilters::wire).orElse(null), stored.createdAt());
        }
    }

    /** {@code {data: [...]}}: every route of a source, oldest first. */
    public record Routes(@JsonProperty("data") List<Route> data) {
    }

    /** {@code PUT /v1/route-defaults} body and answer. */
    public record Defaults(@JsonProperty("events") List<String> events) {
    }
}
