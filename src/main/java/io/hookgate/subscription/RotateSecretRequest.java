package io.hookgate.subscription;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Optional body of {@code POST /v1/subscriptions/{id}/rotate-secret}; without a secret one is generated. */
public record RotateSecretRequest(@JsonProperty("secret") String secret) {

    @Override
    public String toString() {
        return "RotateSecretRequest[secret=" + (secret == null ? "none" : "***") + "]";
    }
}
