package io.hookgate.inbound.source;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.verify.HmacConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of {@code inbound_sources}; the secrets are sealed blobs (see {@link SourceSecrets}).
 *
 * @param allowCidrs null means every address
 * @param hmac hmac sources only
 * @param channels eventyay sources only
 */
public record SourceRow(UUID id, UUID tenantId, SourceType type, String name, List<String> allowCidrs,
        HmacConfig hmac, List<String> channels, int secretKeyVersion, byte[] secretCiphertext,
        Integer previousKeyVersion, byte[] previousCiphertext, Instant previousExpiresAt, Instant createdAt,
        Instant updatedAt) {

    /** The hmac config, for the verifier. */
    public Optional<HmacConfig> hmacConfig() {
        return Optional.ofNullable(hmac);
    }

    @Override
    public String toString() {
        return "SourceRow[id=" + id + ", tenantId=" + tenantId + ", type=" + type.wire() + ", secrets=***]";
    }
}
