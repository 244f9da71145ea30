package io.hookgate.pull.api;

import io.hookgate.pull.PullCursor;
import io.hookgate.pull.PullParams;
import io.hookgate.pull.PullSubscriptions;
import io.hookgate.pull.consumer.Consumers;
import io.hookgate.pull.wake.PullWakeConfig;
import io.hookgate.pull.wake.TenantWaits;
import io.hookgate.pull.wake.TooManyWaitersException;
import io.hookgate.pull.wake.Wakeups;
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

    private final PullSubscriptions subscriptions;
    private final Consumers consumers;
    private final CurrentPrincipal principal;
    private final Wakeups wakeups;
    private final TenantWaits tenantWaits;
    private final int maxWaiters;

    public StreamStartFilter(PullSubscriptions subscriptions, Consumers consumers, CurrentPrincipal principal,
            Wakeups wakeups, TenantWaits tenantWaits, PullWakeConfig config) {
        this.subscriptions = subscriptions;
        this.consumers = consumers;
        this.principal = principal;
        this.wakeups = wakeups;
        this.tenantWaits = tenantWaits;
        this.maxWaiters = config.maxWaiters();
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public Uni<Void> resolve(ContainerRequestContext context, SimpleResourceInfo resource) {
        if (resource.getResourceClass() != MessagesResource.class || !"stream".equals(resource.getMethodName())) {
            return Uni.createFrom().voidItem();
        }
        MultivaluedMap<String, String> query = context.getUriInfo().getQueryParameters();
        Optional<PullCursor> resume = PullParams.cursor(context.getHeaderString("Last-Event-ID"), "Last-Event-ID")
                .or(() -> PullParams.cursor(query.getFirst("after"), "after"));
        String consumer = query.getFirst("consumer");
        if (consumer != null) {
            PullParams.consumerName(consumer);
        }
        String id = context.getUriInfo().getPathParameters().getFirst("id");
        return subscriptions.find(principal.get(), id)
                .chain(sub -> (resume.isPresent() || consumer == null ? Uni.createFrom().item(resume)
                        : consumers.position(sub, consumer)).map(from -> new PullStream.Start(sub, from)))
                .invoke(this::admit)
                .invoke(start -> context.setProperty(START, start))
                .replaceWithVoid();
    }

    /** A stream that could not wait is refused now, as a 503 or 429 problem, not cut off after its headers. */
    private void admit(PullStream.Start start) {
        if (!wakeups.admits()) {
            throw new TooManyWaitersException(maxWaiters);
        }
        if (tenantWaits.held(start.subscription().tenantId()) >= tenantWaits.perTenant()) {
            throw new TooManyWaitersException(tenantWaits.perTenant(), TooManyWaitersException.Bound.TENANT);
        }
    }
}
