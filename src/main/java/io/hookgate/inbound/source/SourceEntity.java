package io.hookgate.inbound.source;

import io.hookgate.inbound.SourceType;
import io.vertx.core.json.JsonObject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code inbound_sources} (Flyway owns the table). Changes go through HQL updates of the changed columns
 * only ({@link SourceChanges}), never a whole-row flush; created_at and updated_at come from the database.
 */
@Entity
@Table(name = "inbound_sources")
public class SourceEntity {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Convert(converter = TypeColumn.class)
    @Column(nullable = false)
    private SourceType type;
    @Column(nullable = false)
    private String name;
    /** Null means every address. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allow_cidrs")
    private String[] allowCidrs;
    /** Hmac sources only: {@link HmacJson}'s object. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> hmac;
    /** Eventyay sources only. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] channels;
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
    @Generated
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;
    @Generated
    @Column(name = "updated_at", insertable = false)
    private Instant updatedAt;

    protected SourceEntity() {
        // for Hibernate
    }

    /** A new source with its sealed secret in the current slot. */
    SourceEntity(NewSource s) {
        this.id = s.id();
        this.tenantId = s.tenantId();
        this.type = s.type();
        this.name = s.name();
        this.allowCidrs = array(s.allowCidrs());
        this.hmac = HmacJson.toMap(s.hmac());
        this.channels = array(s.channels());
        this.secretKeyVersion = s.secret().keyVersion();
        this.secretCiphertext = s.secret().blob();
    }

    /** The stored values as the rest of the service reads them. */
    SourceRow row() {
        return new SourceRow(id, tenantId, type, name, list(allowCidrs),
                HmacJson.fromJson(hmac == null ? null : new JsonObject(hmac)), list(channels), secretKeyVersion,
                secretCiphertext, previousKeyVersion, previousCiphertext, previousExpiresAt, createdAt, updatedAt);
    }

    static String[] array(List<String> list) {
        return list == null ? null : list.toArray(String[]::new);
    }

    private static List<String> list(String[] array) {
        return array == null ? null : Arrays.asList(array);
    }

    /** The type column holds the API's wire names, as its CHECK constraint says. */
    @Converter
    public static class TypeColumn implements AttributeConverter<SourceType, String> {

        @Override
        public String convertToDatabaseColumn(SourceType type) {
            return type == null ? null : type.wire();
        }

        @Override
        public SourceType convertToEntityAttribute(String value) {
            return value == null ? null
                    : SourceType.fromWire(value).orElseThrow(() -> new IllegalStateException("source type " + value));
        }
    }
}
