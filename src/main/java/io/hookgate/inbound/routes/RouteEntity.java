package io.hookgate.inbound.routes;

import io.hookgate.inbound.route.Route;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code inbound_routes} (Flyway owns the table); routes are created and deleted, never changed. */
@Entity
@Table(name = "inbound_routes")
public class RouteEntity {

    @Id
    private UUID id;
    @Column(name = "source_id", nullable = false)
    private UUID sourceId;
    @Column(nullable = false)
    private String repository;
    @Column(nullable = false)
    private String channel;
    /** Null means the tenant's route defaults at match time. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] events;
    @Generated
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    protected RouteEntity() {
        // for Hibernate
    }

    RouteEntity(UUID id, UUID sourceId, String repository, String channel, List<String> events) {
        this.id = id;
        this.sourceId = sourceId;
        this.repository = repository;
        this.channel = channel;
        this.events = events == null ? null : events.toArray(String[]::new);
    }

    /** The stored route as matching and the API read it. */
    RouteRepository.StoredRoute stored() {
        return new RouteRepository.StoredRoute(new Route(id.toString(), repository, channel,
                RouteLookup.filter(events)), createdAt);
    }
}
