package io.hookgate.inbound.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Answer of a rotation: the new secret, shown only here, and until when the old one still verifies. */
public record RotatedSourceSecret(@JsonProperty("secret") String secret,
        @JsonProperty("previous_secret_expires_at") Instant previousSecretExpiresAt) {

    @Override
    public String toString() {
        return "RotatedSourceSecret[secret=***, previousSecretExpiresAt=" + previousSecretExpiresAt + "]";
    }
}
