package io.hookgate.inbound.routes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code inbound_route_defaults} (Flyway owns the table): a tenant's own default route events. */
@Entity
@Table(name = "inbound_route_defaults")
public class RouteDefaultsEntity {

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] events;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RouteDefaultsEntity() {
        // for Hibernate
    }

    String[] events() {
        return events;
    }
}
