package io.hookgate.tenant;

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

/** A row of {@code tenants} (Flyway owns the table); the timestamps come from the database clock. */
@Entity
@Table(name = "tenants")
public class TenantEntity {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    /** {@code {*}} means every channel. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] channels;

    @Generated
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @Generated
    @Column(name = "updated_at", insertable = false, updatable = false)
    private Instant updatedAt;

    protected TenantEntity() {
        // for Hibernate
    }

    TenantEntity(UUID id, String name, List<String> channels) {
        this.id = id;
        this.name = name;
        this.channels = channels.toArray(String[]::new);
    }

    /** The stored values as the API layer reads them. */
    TenantRepository.TenantRow row() {
        return new TenantRepository.TenantRow(id, name, List.of(channels), createdAt, updatedAt);
    }
}
