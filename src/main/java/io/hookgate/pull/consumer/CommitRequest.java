package io.hookgate.pull.consumer;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /v1/subscriptions/{id}/consumers/{name}}. */
public record CommitRequest(
        @Schema(description = "A cursor a read returned: the consumer's reads continue after it.", required = true)
        @JsonProperty("cursor") String cursor) {
}
