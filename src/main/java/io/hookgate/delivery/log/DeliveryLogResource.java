package io.hookgate.delivery.log;

import io.hookgate.tenant.CurrentPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One delivery and its attempts; redelivery. The per-subscription endpoints live on
 * SubscriptionDeliveriesResource. */
@Path("/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries", description = "What was sent, what the endpoint answered, and how to send it again")
public class DeliveryLogResource {

    private final DeliveryLogService service;
    private final CurrentPrincipal principal;

    public DeliveryLogResource(DeliveryLogService service, CurrentPrincipal principal) {
        this.service = service;
        this.principal = principal;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A delivery with its attempt log")
    @APIResponse(responseCode = "200", description = "The delivery; here attempts is the list of every attempt")
    @APIResponse(responseCode = "404", description = "No such delivery for this key")
    public Uni<DeliveryViews.DeliveryWithAttempts> get(@PathParam("id") String id) {
        return service.get(principal.get(), id);
    }

    @POST
    @Path("/{id}/redeliver")
    @Operation(summary = "Start a fresh cycle of attempts, with the same webhook-id")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "409", description = "The delivery is already pending")
    public Uni<Response> redeliver(@PathParam("id") String id) {
        return service.redeliver(principal.get(), id).map(v -> Response.accepted().build());
    }
}
