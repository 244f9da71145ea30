package io.hookgate.delivery.log;

import io.hookgate.api.Page;
import io.hookgate.tenant.CurrentPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A subscription's delivery log, recovery and ping. A second resource on {@code /v1/subscriptions} (Quarkus REST
 * merges both) so that subscription/ never imports delivery/: the delivery log reads subscriptions, not back.
 */
@Path("/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "Webhook subscriptions, their verification and signing secrets")
public class SubscriptionDeliveriesResource {

    private final DeliveryLogService deliveries;
    private final CurrentPrincipal principal;

    public SubscriptionDeliveriesResource(DeliveryLogService deliveries, CurrentPrincipal principal) {
        this.deliveries = deliveries;
        this.principal = principal;
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The subscription's delivery log, newest first",
            description = "Filter with status=pending|delivered|failed; page with limit and cursor.")
    public Uni<Page<DeliveryViews.Delivery>> deliveries(@RestPath String id, @RestQuery String status,
            @RestQuery String limit, @RestQuery String cursor) {
        return deliveries.list(principal.get(), id, status, limit, cursor);
    }

    @POST
    @Path("/{id}/recover")
    @Operation(summary = "Re-queue the failed deliveries created in a time window",
            description = "Body {since, until?} (ISO-8601 instants); answers 202 {requeued}.")
    public Uni<RestResponse<DeliveryViews.Requeued>> recover(@RestPath String id,
            DeliveryViews.RecoverRequest request) {
        return deliveries.recover(principal.get(), id, request).map(RestResponse::accepted);
    }

    @POST
    @Path("/{id}/ping")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Ping the receiver",
            description = "A signed webhook.ping delivery: 202 {delivery_id}. For format eventyay subscriptions the"
                    + " challenge handshake instead, which posts nothing: 200 {result: passed|failed, reason?}"
                    + " (eventyay receivers store every signed POST as a chat message).")
    @APIResponse(responseCode = "202", description = "A webhook.ping delivery was queued",
            content = @Content(schema = @Schema(implementation = DeliveryViews.PingAccepted.class)))
    @APIResponse(responseCode = "200", description = "eventyay: the handshake ran; reason is a SPEC section 6 code",
            content = @Content(schema = @Schema(implementation = DeliveryViews.HandshakeResult.class)))
    @APIResponse(responseCode = "409", description = "The subscription is disabled")
    public Uni<RestResponse<DeliveryViews.Ping>> ping(@RestPath String id) {
        return deliveries.ping(principal.get(), id).map(ping -> ping instanceof DeliveryViews.PingAccepted
                ? RestResponse.accepted(ping) : RestResponse.ok(ping));
    }
}
