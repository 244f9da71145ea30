package io.hookgate.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PATCH /v1/tenants/{id}}: absent fields keep their value. A class with setters rather than a
 * record, because a record cannot tell an absent field from an explicit null (which is invalid here).
 */
@Schema(name = "UpdateTenant")
public final class UpdateTenantRequest {

    private String name;
    // bookkeeping, not body fields: the API description showed them, and sending them is a 400
    @Schema(hidden = true)
    private boolean nameSent;
    private List<String> channels;
    @Schema(hidden = true)
    private boolean channelsSent;

    @Schema(maxLength = 128, example = "Wikimania 2026 chat")
    @JsonProperty("name")
    void setName(String name) {
        this.name = name;
        this.nameSent = true;
    }

    @Schema(description = "Replaces the channel list; [\"*\"] for all", maxItems = 1000, example = "[\"*\"]")
    @JsonProperty("channels")
    void setChannels(List<String> channels) {
        this.channels = channels;
        this.channelsSent = true;
    }

    public String name() {
        return name;
    }

    public boolean nameSent() {
        return nameSent;
    }

    public List<String> channels() {
        return channels;
    }

    public boolean channelsSent() {
        return channelsSent;
    }
}
