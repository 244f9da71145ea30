package io.hookgate.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** A row of {@code api_keys}: only the key id and the SHA-256 of the secret part are ever stored. */
@Entity
@Table(name = "api_keys")
public class ApiKeyEntity {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "secret_hash", nullable = false)
    private byte[] secretHash;

    @Generated
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    // written only by the batched last-use statement (ApiKeyRepository#recordUse)
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    protected ApiKeyEntity() {
        // for Hibernate
    }

    ApiKeyEntity(String id, UUID tenantId, byte[] secretHash) {
        this.id = id;
        this.tenantId = tenantId;
        this.secretHash = secretHash.clone();
    }

    /** The key as listed; never the key itself. */
    ApiKeyRepository.KeyRow row() {
        return new ApiKeyRepository.KeyRow(id, createdAt, revokedAt, lastUsedAt);
    }

    boolean revoked() {
        return revokedAt != null;
    }
}
