package io.hookgate.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code subscriptions} (Flyway owns the table). Changes go through HQL updates of the changed columns
 * only ({@link SubscriptionChanges}), never a whole-row flush; created_at and updated_at come from the database.
 */
@Entity
@Table(name = "subscriptions")
public class SubscriptionEntity {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Column(nullable = false)
    private SubscriptionMode mode;
    /** Null for pull subscriptions. */
    private String url;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    private String[] eventTypes;
    /** Null means every channel the tenant is allowed. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] channels;
    @Column(nullable = false)
    private SubscriptionFormat format;
    private String description;
    @Column(nullable = false)
    private SubscriptionStatus status;
    @Column(name = "disabled_reason")
    private String disabledReason;
    @Column(name = "secret_key_version", nullable = false)
    private int secretKeyVersion;
    @Column(name = "secret_ciphertext", nullable = false)
    private byte[] secretCiphertext;
    @Column(name = "previous_key_version")
    private Integer previousKeyVersion;
    @Column(name = "previous_ciphertext")
    private byte[] previousCiphertext;
    @Column(name = "previous_expires_at")
    private Instant previousExpiresAt;
    @Column(name = "failing_since")
    private Instant failingSince;
    @Column(name = "expire_after_seconds")
    private Integer expireAfterSeconds;
    @Column(name = "retention_max_messages", nullable = false)
    private long retentionMaxMessages;
    @Column(name = "retention_max_bytes", nullable = false)
    private long retentionMaxBytes;
    @Column(name = "retention_max_age_seconds", nullable = false)
    private long retentionMaxAgeSeconds;
    @Generated
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;
    @Generated
    @Column(name = "updated_at", insertable = false)
    private Instant updatedAt;

    protected SubscriptionEntity() {
        // for Hibernate
    }

    /** A new active subscription. */
    SubscriptionEntity(NewSubscription s) {
        this.id = s.id();
        this.tenantId = s.tenantId();
        this.mode = s.mode();
        this.url = s.url();
        this.eventTypes = s.eventTypes().toArray(String[]::new);
        this.channels = s.channels() == null ? null : s.channels().toArray(String[]::new);
        this.format = s.format();
        this.description = s.description();
        this.status = SubscriptionStatus.ACTIVE;
        this.secretKeyVersion = s.secret().keyVersion();
        this.secretCiphertext = s.secret().blob();
        this.expireAfterSeconds = s.expireAfterSeconds();
        this.retentionMaxMessages = s.retention().maxMessages();
        this.retentionMaxBytes = s.retention().maxBytes();
        this.retentionMaxAgeSeconds = s.retention().maxAgeSeconds();
    }

    /** The stored values as the rest of the service reads them. */
    SubscriptionRow row() {
        return new SubscriptionRow(id, tenantId, mode, url, Arrays.asList(eventTypes),
                channels == null ? null : Arrays.asList(channels), format, description, status, disabledReason,
                secretKeyVersion, secretCiphertext, previousKeyVersion, previousCiphertext, previousExpiresAt,
                failingSince, expireAfterSeconds,
                new PullLimits(retentionMaxMessages, retentionMaxBytes, retentionMaxAgeSeconds), createdAt, updatedAt);
    }
}
