package io.hookgate.subscription;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How many pull messages a pull subscription keeps (SPEC 11): the oldest go once any limit is exceeded.
 * {@code max_age} is a duration ("7d", "12h", "PT30M").
 */
@Schema(description = "Retention of a pull subscription's messages; the oldest are dropped once any limit is"
        + " exceeded (within 10 s). Defaults: 100000 messages, 104857600 bytes (100 MiB), 7d.")
public record PullRetention(
        @JsonProperty("max_messages") Long maxMessages,
        @JsonProperty("max_bytes") Long maxBytes,
        @Schema(description = "A duration from 1s to 365d, as \"30s\", \"12h\", \"7d\" or ISO-8601.", example = "7d")
        @JsonProperty("max_age") String maxAge) {

    public static final long DEFAULT_MAX_MESSAGES = 100_000;
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
    public static final long DEFAULT_MAX_AGE_SECONDS = 7L * 24 * 3600;
}
