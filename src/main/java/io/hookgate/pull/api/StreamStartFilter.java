package io.hookgate.pull.api;

import io.hookgate.pull.PullCursor;
import io.hookgate.pull.PullParams;
import io.hookgate.tenant.CurrentPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Resolves where a stream starts before the SSE response begins: once the stream's headers are out, a 404, 409 or
 * 400 could no longer be a problem response, and neither could the 503 or 429 of a replica or tenant that holds all
 * the waiters it may. Runs after authentication, only for {@link MessagesResource#stream}.
 */
public class StreamStartFilter {

    /** The request property carrying the resolved {@link PullStream.Start}. */
    static final String START = "io.hookgate.pull.stream.start";

    private final PullCallStarts starts;
    private final CurrentPrincipal principal;

    public StreamStartFilter(PullCallStarts starts, CurrentPrincipal principal) {
        this.starts = starts;
        this.principal = principal;
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public Uni<Void> resolve(ContainerRequestContext context, SimpleResourceInfo resource) {
        if (resource.getResourceClass() != MessagesResource.class || !"stream".equals(resource.getMethodName())) {
            return Uni.createFrom().voidItem();
        }
        MultivaluedMap<String, String> query = context.getUriInfo().getQueryParameters();
        Optional<PullCursor> resume = StreamRoute.resume(context.getHeaderString("Last-Event-ID"),
                query.getFirst("after"));
        String consumer = query.getFirst("consumer");
        if (consumer != null) {
            PullParams.consumerName(consumer);
        }
        String id = context.getUriInfo().getPathParameters().getFirst("id");
        return starts.start(principal.get(), id, resume, consumer)
                .invoke(start -> starts.refusal(start).ifPresent(refused -> {
                    throw refused;
                }))
                .invoke(start -> context.setProperty(START, start))
                .replaceWithVoid();
    }
}
