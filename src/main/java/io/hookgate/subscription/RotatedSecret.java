package io.hookgate.subscription;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Answer of a rotation: the new secret, shown only here, and when the old one stops signing. */
public record RotatedSecret(
        @JsonProperty("secret") String secret,
        @JsonProperty("previous_secret_expires_at") Instant previousSecretExpiresAt) {

    @Override
    public String toString() {
        return "RotatedSecret[secret=***, previousSecretExpiresAt=" + previousSecretExpiresAt + "]";
    }
}
