package io.hookgate.intake;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hookgate.event.ChatEvent;
import io.hookgate.event.ChatEventParser;
import io.hookgate.event.EventBatchParser;
import io.hookgate.event.EventBatchParser.IntakeBody;
import io.hookgate.event.ParseResult;
import io.hookgate.api.ProblemException;
import io.hookgate.api.ProblemException.FieldError;
import io.hookgate.tenant.CurrentPrincipal;
import io.hookgate.tenant.Principal;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** REST intake: validates chat events and produces them to chat.events, answering once the broker acked. */
@Path("/v1/events")
@Tag(name = "Events", description = "Send chat events through HTTP instead of producing to Kafka directly")
public class EventsResource {

    /** Reason codes that mean the body is not well-formed JSON at all: a 400, not a 422. */
    private static final Set<String> MALFORMED = Set.of(ChatEventParser.NOT_JSON, ChatEventParser.NOT_UTF8,
            ChatEventParser.DUPLICATE_KEY, ChatEventParser.TOO_DEEP, ChatEventParser.TRAILING_DATA);

    private final EventBatchParser parser;
    private final MutinyEmitter<byte[]> emitter;
    private final CurrentPrincipal principal;

    public EventsResource(EventBatchParser parser, @Channel("intake-out") MutinyEmitter<byte[]> emitter,
            CurrentPrincipal principal) {
        this.parser = parser;
        this.emitter = emitter;
        this.principal = principal;
    }

    public record Accepted(int accepted, @JsonProperty("event_ids") List<String> eventIds) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send one chat event, or {\"events\": [...]} with up to 500",
            description = "Validated as a whole: one invalid item rejects the batch and nothing is produced.")
    @APIResponse(responseCode = "202", description = "Every event was acknowledged by the broker")
    @APIResponse(responseCode = "422", description = "Invalid events, with per-item errors")
    public Uni<Response> send(byte[] body) {
        List<ChatEvent> events = validate(parser.parse(body));
        Principal caller = principal.get();
        for (ChatEvent e : events) {
            if (!caller.allowsChannel(e.channel())) {
                throw ProblemException.forbidden("channel " + e.channel() + " is outside this key's channels");
            }
        }
        List<Uni<Void>> sends = events.stream().map(this::produce).toList();
        return Uni.join().all(sends).andFailFast()
                .onFailure().transform(e -> new ProblemException(503, "broker-unavailable", "Service Unavailable",
                        "the event broker did not acknowledge the events; retrying is safe"))
                .map(ignored -> Response.accepted(new Accepted(events.size(),
                        events.stream().map(e -> e.id().value()).toList())).build());
    }

    private Uni<Void> produce(ChatEvent event) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.channel()).build();
        return emitter.sendMessage(Message.of(event.rawJson().getBytes(StandardCharsets.UTF_8)).addMetadata(metadata));
    }

    private static List<ChatEvent> validate(IntakeBody body) {
        if (body instanceof IntakeBody.Rejected rejected) {
            throw problem(rejected.reason(), null);
        }
        IntakeBody.Events events = (IntakeBody.Events) body;
        List<FieldError> errors = new ArrayList<>();
        List<ChatEvent> valid = new ArrayList<>();
        for (int i = 0; i < events.results().size(); i++) {
            ParseResult r = events.results().get(i);
            if (r instanceof ParseResult.Valid v) {
                valid.add(v.event());
            } else if (r instanceof ParseResult.Invalid invalid) {
                if (!events.batch()) {
                    throw problem(invalid, null);
                }
                errors.add(new FieldError(path("events[" + i + "]", invalid.field()), invalid.detail()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.size() + " of " + events.results().size()
                    + " events are invalid; nothing was accepted", errors);
        }
        return valid;
    }

    private static ProblemException problem(ParseResult.Invalid invalid, String prefix) {
        if (ChatEventParser.TOO_LARGE.equals(invalid.reasonCode())) {
            return new ProblemException(413, "too-large", "Content Too Large", invalid.detail());
        }
        if (MALFORMED.contains(invalid.reasonCode())) {
            return ProblemException.badRequest(invalid.detail());
        }
        return ProblemException.invalid(invalid.detail(),
                List.of(new FieldError(path(prefix, invalid.field()), invalid.detail())));
    }

    private static String path(String prefix, String field) {
        if (prefix == null) {
            return field == null ? "$" : field;
        }
        return field == null ? prefix : prefix + "." + field;
    }
}
