package io.hookgate.inbound.routes;

import io.hookgate.tenant.CurrentPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Routes (err-repohook): repository events of a source to chat channels, as {@code chat.notifications}. */
@Path("/v1/sources/{id}/routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inbound routes", description = "Turn verified GitHub and GitLab events into chat notifications")
public class RouteResource {

    private final RouteService service;
    private final CurrentPrincipal principal;

    public RouteResource(RouteService service, CurrentPrincipal principal) {
        this.service = service;
        this.principal = principal;
    }

    @POST
    @Operation(summary = "Add a route", description = "Events of repository go to channel (inside the tenant's"
            + " channels, else 403). events omitted = the tenant's route defaults at match time; [\"*\"] = all.")
    public Uni<RestResponse<RouteViews.Route>> create(@RestPath String id, RouteViews.CreateRoute request) {
        return service.create(principal.get(), id, request).map(route -> RestResponse.ResponseBuilder
                .<RouteViews.Route>created(URI.create("/v1/sources/" + id + "/routes/" + route.id()))
                .entity(route).build());
    }

    @GET
    @Operation(summary = "List a source's routes", description = "Oldest first.")
    public Uni<RouteViews.Routes> list(@RestPath String id) {
        return service.list(principal.get(), id);
    }

    @DELETE
    @Path("/{routeId}")
    @Operation(summary = "Delete a route")
    public Uni<RestResponse<Void>> delete(@RestPath String id, @RestPath String routeId) {
        return service.delete(principal.get(), id, routeId).map(ignored -> RestResponse.noContent());
    }

}
