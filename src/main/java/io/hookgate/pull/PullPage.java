package io.hookgate.pull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /v1/subscriptions/{id}/messages} (SPEC 11). */
public record PullPage(
        @JsonProperty("data") List<PullMessage> data,
        @Schema(description = "The cursor of the last message returned, or the after given when data is empty"
                + " (null when neither exists): poll again with it.", nullable = true)
        @JsonProperty("next_cursor") String nextCursor,
        @Schema(description = "True when retention dropped messages after the position read from: the data"
                + " continues at the oldest retained message and the client's state may have a gap.")
        @JsonProperty("refresh") boolean refresh) {
}
