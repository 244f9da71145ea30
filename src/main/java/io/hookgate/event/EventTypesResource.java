package io.hookgate.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.hookgate.api.OpenApiDefinition;
import io.hookgate.api.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The event type catalog; readable with any valid key. */
@Path("/v1/event-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OpenApiDefinition.TAG_EVENT_TYPES)
public class EventTypesResource {

    /** One catalog entry as served. */
    @Schema(name = "EventType")
    public record EventTypeView(
            @Schema(example = "chat.message") @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @Schema(description = "JSON Schema (draft 2020-12) of the event data")
            @JsonProperty("schema") JsonNode schema) {
    }

    private static final List<EventTypeView> VIEWS = EventTypeCatalog.all().stream()
            .map(entry -> new EventTypeView(entry.name(), entry.description(), entry.schema()))
            .toList();

    @GET
    @Operation(summary = "List event types",
            description = "The types a subscription can ask for, each with the JSON Schema of its data.")
    @APIResponse(responseCode = "200", description = "Every event type",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EventTypeView[].class),
                    examples = @ExampleObject(name = "catalog", value = """
                            [{"name": "chat.message", "description": "A text message in a channel.",
                              "schema": {"type": "object", "required": ["message_id", "channel"]}}]""")))
    @APIResponse(responseCode = "401", description = "Missing or invalid API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<EventTypeView>> list() {
        return Uni.createFrom().item(VIEWS);
    }
}
