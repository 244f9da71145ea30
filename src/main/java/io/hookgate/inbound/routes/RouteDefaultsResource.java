package io.hookgate.inbound.routes;

import io.hookgate.api.PathIds;
import io.hookgate.api.ProblemException;
import io.hookgate.tenant.CurrentPrincipal;
import io.hookgate.tenant.Principal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /v1/route-defaults}: the events a tenant's routes take when they name none. */
@Path("/v1/route-defaults")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inbound routes")
public class RouteDefaultsResource {

    private final RouteService service;
    private final CurrentPrincipal principal;

    public RouteDefaultsResource(RouteService service, CurrentPrincipal principal) {
        this.service = service;
        this.principal = principal;
    }

    @GET
    @Operation(summary = "The tenant's default route events", description = "Initially push, issues,"
            + " issue_comment, commit_comment, pull_request, pull_request_review_comment. The admin names the"
            + " tenant with ?tenant_id=.")
    public Uni<RouteViews.Defaults> defaults(@RestQuery("tenant_id") String tenantId) {
        return service.defaults(tenant(tenantId));
    }

    @PUT
    @Operation(summary = "Set the tenant's default route events", description = "{events}: names or [\"*\"];"
            + " applies at once to every route without its own events.")
    public Uni<RouteViews.Defaults> putDefaults(@RestQuery("tenant_id") String tenantId,
            RouteViews.Defaults request) {
        return service.putDefaults(tenant(tenantId), request);
    }

    private UUID tenant(String tenantIdText) {
        Principal caller = principal.get();
        if (caller instanceof Principal.Tenant tenant) {
            if (tenantIdText != null && !tenantIdText.equals(tenant.tenantId().toString())) {
                throw ProblemException.forbidden("tenant_id may only name the caller's own tenant");
            }
            return tenant.tenantId();
        }
        if (tenantIdText == null) {
            throw ProblemException.invalid("tenant_id", "tenant_id is required with the admin key");
        }
        return PathIds.uuid(tenantIdText, "tenant");
    }
}
