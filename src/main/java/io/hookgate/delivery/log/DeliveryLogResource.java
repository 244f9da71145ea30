package io.hookgate.delivery.log;

import io.hookgate.delivery.Dispatcher;
import io.hookgate.event.EventId;
import io.hookgate.ops.Cursor;
import io.hookgate.ops.Page;
import io.hookgate.ops.PathIds;
import io.hookgate.ops.ProblemException;
import io.hookgate.tenant.CurrentPrincipal;
import io.hookgate.tenant.Principal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Delivery log, redelivery, recovery and ping (SPEC section 5). */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries", description = "What was sent, what the endpoint answered, and how to send it again")
public class DeliveryLogResource {

    private static final Set<String> STATUSES = Set.of("pending", "delivered", "failed");

    private final DeliveryLogRepository repository;
    private final CurrentPrincipal principal;
    private final Dispatcher dispatcher;
    private final Clock clock;

    public DeliveryLogResource(DeliveryLogRepository repository, CurrentPrincipal principal, Dispatcher dispatcher,
            Clock clock) {
        this.repository = repository;
        this.principal = principal;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @GET
    @Path("/subscriptions/{id}/deliveries")
    @Operation(summary = "List a subscription's deliveries, newest first")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    public Uni<Page<DeliveryViews.Delivery>> list(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        UUID subscriptionId = PathIds.uuid(id, "subscription");
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("status must be one of pending, delivered, failed");
        }
        int size = Page.limit(limit);
        Cursor after = cursor == null ? null : Cursor.decode(cursor);
        return owned(subscriptionId).chain(sub -> repository.list(subscriptionId, tenant(), status, after, size + 1))
                .map(rows -> Page.of(rows, size, d -> new Cursor(d.createdAt(), d.id()), d -> d));
    }

    @GET
    @Path("/deliveries/{id}")
    @Operation(summary = "A delivery with its attempt log")
    @APIResponse(responseCode = "200", description = "The delivery; attempts lists every attempt")
    @APIResponse(responseCode = "404", description = "No such delivery for this key")
    public Uni<DeliveryViews.DeliveryWithAttempts> get(@PathParam("id") String id) {
        UUID deliveryId = PathIds.uuid(id, "delivery");
        return repository.get(deliveryId, tenant())
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("delivery")));
    }

    @POST
    @Path("/deliveries/{id}/redeliver")
    @Operation(summary = "Start a fresh cycle of attempts, with the same webhook-id")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "409", description = "The delivery is already pending")
    public Uni<Response> redeliver(@PathParam("id") String id) {
        UUID deliveryId = PathIds.uuid(id, "delivery");
        UUID tenant = tenant();
        return repository.get(deliveryId, tenant)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("delivery")))
                .chain(d -> repository.redeliver(deliveryId, tenant))
                .map(requeued -> {
                    if (!requeued) {
                        throw new ProblemException(409, "already-pending", "Conflict",
                                "the delivery is already pending");
                    }
                    dispatcher.wake();
                    return Response.accepted().build();
                });
    }

    @POST
    @Path("/subscriptions/{id}/recover")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-queue the failed deliveries created in a time window")
    @APIResponse(responseCode = "202", description = "How many deliveries were re-queued")
    public Uni<Response> recover(@PathParam("id") String id, DeliveryViews.RecoverRequest request) {
        UUID subscriptionId = PathIds.uuid(id, "subscription");
        if (request == null || request.since() == null) {
            throw ProblemException.invalid("since", "required: an ISO-8601 instant");
        }
        if (request.until() != null && !request.until().isAfter(request.since())) {
            throw ProblemException.invalid("until", "must be after since");
        }
        return owned(subscriptionId)
                .chain(sub -> repository.recover(subscriptionId, request.since(), request.until()))
                .map(n -> {
                    dispatcher.wake();
                    return Response.accepted(new DeliveryViews.Requeued(n)).build();
                });
    }

    @POST
    @Path("/subscriptions/{id}/ping")
    @Operation(summary = "Send a signed webhook.ping delivery")
    @APIResponse(responseCode = "202", description = "The ping's delivery id; follow it in the delivery log")
    @APIResponse(responseCode = "409", description = "The subscription is disabled")
    public Uni<Response> ping(@PathParam("id") String id) {
        UUID subscriptionId = PathIds.uuid(id, "subscription");
        return owned(subscriptionId).chain(sub -> {
            if (!sub.active()) {
                throw new ProblemException(409, "subscription-disabled", "Conflict", "the subscription is disabled");
            }
            String payload = "{\"subscription_id\":\"" + sub.id() + "\"}";
            return repository.ping(EventId.random().value(), sub.id(), sub.tenantId(), clock.instant(), payload);
        }).map(deliveryId -> {
            dispatcher.wake();
            return Response.accepted(new DeliveryViews.PingAccepted(deliveryId)).build();
        });
    }

    private Uni<DeliveryLogRepository.SubscriptionRef> owned(UUID subscriptionId) {
        return repository.subscription(subscriptionId, tenant())
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("subscription")));
    }

    /** The caller's tenant, or null for the admin (who sees every tenant). */
    private UUID tenant() {
        Principal p = principal.get();
        return p instanceof Principal.Tenant t ? t.tenantId() : null;
    }

}
