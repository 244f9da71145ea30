package io.hookgate.pull.consumer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A named consumer as the API shows it (SPEC 11). */
public record ConsumerView(
        @JsonProperty("name") String name,
        @JsonProperty("cursor") String cursor,
        @Schema(description = "Retained messages after the committed cursor.")
        @JsonProperty("lag") long lag,
        @JsonProperty("updated_at") Instant updatedAt) {
}
