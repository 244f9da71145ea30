package io.hookgate.pull.api;

import io.hookgate.pull.PullCursor;
import io.hookgate.pull.PullMetrics;
import io.hookgate.pull.PullPage;
import io.hookgate.pull.PullParams;
import io.hookgate.pull.PullReader;
import io.hookgate.tenant.CurrentPrincipal;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Reading a pull subscription (SPEC 11): pages with optional long-poll, and a Server-Sent Events stream. A third
 * resource on {@code /v1/subscriptions} (Quarkus REST merges them) so that subscription/ never imports pull/. A
 * long-poll or stream that passes every check is held by {@link LongPollRoute} or {@link StreamRoute} before it
 * gets here; this answers the rest, and is the one place that shapes their problems.
 */
@Path("/v1/subscriptions")
@Tag(name = "Pull subscriptions", description = "Reading, streaming and committing the messages of mode pull"
        + " subscriptions")
public class MessagesResource {

    private final PullCallStarts starts;
    private final PullReader reader;
    private final PullStream stream;
    private final CurrentPrincipal principal;

    public MessagesResource(PullCallStarts starts, PullReader reader, PullStream stream, CurrentPrincipal principal) {
        this.starts = starts;
        this.reader = reader;
        this.stream = stream;
        this.principal = principal;
    }

    @GET
    @Path("/{id}/messages")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a pull subscription's messages", description = "Oldest first, after the cursor"
            + " given as after (or after the committed cursor of consumer; after wins when both are given), or from"
            + " the oldest retained message. wait (0 to 30 s) long-polls: the call returns as soon as a message is"
            + " stored, or after wait with data []. refresh is true when retention dropped messages after that"
            + " position; data then continues at the oldest retained message. Each message carries the Standard"
            + " Webhooks webhook-id, webhook-timestamp and webhook-signature values for its exact body. 409 for a"
            + " push subscription. A wait is refused with 429 when the tenant already holds its share of this"
            + " replica's waiting calls, 503 when the replica holds all it may (both with Retry-After).")
    public Uni<PullPage> messages(@RestPath String id,
            @Parameter(description = "A cursor from an earlier read") @RestQuery String after,
            @Parameter(description = "1 to 500, default 100") @RestQuery String limit,
            @Parameter(description = "Seconds to wait for a message when none is there, 0 to 30 (default 0)")
            @RestQuery String wait,
            @Parameter(description = "Read after this named consumer's committed cursor") @RestQuery String consumer,
            @Context RoutingContext routing) {
        Optional<PullCursor> afterCursor = PullParams.cursor(after, "after");
        int pageSize = PullParams.limit(limit);
        Duration asked = PullParams.waitFor(wait);
        // LongPollRoute held the wait already and its last read failed: read once more, without waiting
        Duration waitFor = Boolean.TRUE.equals(routing.get(LongPollRoute.WAITED)) ? Duration.ZERO : asked;
        if (consumer != null) {
            PullParams.consumerName(consumer);
        }
        return starts.start(principal.get(), id, afterCursor, consumer).chain(start -> reader.page(start.subscription(),
                start.from(), pageSize, waitFor, PullMetrics.Via.POLL));
    }

    @GET
    @Path("/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream a pull subscription's messages (Server-Sent Events)", description = "One event per"
            + " message: id is its cursor, data the message JSON as in /messages. Starts after Last-Event-ID, else"
            + " after after, else after consumer's committed cursor, else at the oldest retained message. An event of"
            + " type refresh (data {refresh, cursor}) says retention dropped messages the client had not read. A"
            + " comment line every 15 s keeps proxies from closing an idle stream. 429 or 503 (with Retry-After)"
            + " when the tenant or the replica already holds all the waiting calls it may.")
    public Multi<OutboundSseEvent> stream(@RestPath String id,
            @Parameter(description = "The id of the last event received, to resume after it")
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "A cursor from an earlier read") @RestQuery String after,
            @Parameter(description = "Start after this named consumer's committed cursor") @RestQuery String consumer,
            @Context ContainerRequestContext context, @Context Sse sse) {
        // resolved (and checked: 400, 404, 409) by StreamStartFilter, before the event stream's headers go out
        return stream.events((PullStream.Start) context.getProperty(StreamStartFilter.START), sse);
    }
}
