package io.hookgate.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookgate.ops.Page;
import io.hookgate.tenant.CurrentPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /v1/subscriptions}: webhook subscriptions of the calling tenant (or of any tenant, for the admin). */
@Path("/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final SubscriptionService service;
    private final SubscriptionUpdater updater;
    private final CurrentPrincipal principal;

    public SubscriptionResource(SubscriptionService service, SubscriptionUpdater updater, CurrentPrincipal principal) {
        this.service = service;
        this.updater = updater;
        this.principal = principal;
    }

    /** Verifies the URL with the challenge handshake, then stores the subscription; the secret is shown once. */
    @POST
    public Uni<RestResponse<CreatedSubscription>> create(CreateSubscriptionRequest request) {
        return service.create(principal.get(), request).map(created -> RestResponse.ResponseBuilder
                .<CreatedSubscription>created(URI.create("/v1/subscriptions/" + created.subscription().id()))
                .entity(created).build());
    }

    /** One page of subscriptions ordered by creation; the admin may filter by {@code tenant_id}. */
    @GET
    public Uni<Page<SubscriptionView>> list(@RestQuery String limit, @RestQuery String cursor,
            @RestQuery("tenant_id") String tenantId) {
        return service.list(principal.get(), tenantId, limit, cursor);
    }

    @GET
    @Path("/{id}")
    public Uni<SubscriptionView> get(@RestPath String id) {
        return service.get(principal.get(), id);
    }

    /** Changes any of url, event_types, channels, description, format, status. */
    @PATCH
    @Path("/{id}")
    public Uni<SubscriptionView> patch(@RestPath String id, JsonNode body) {
        return updater.patch(principal.get(), id, body);
    }

    /** Deletes the subscription and its delivery log. */
    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return service.delete(principal.get(), id).map(ignored -> RestResponse.noContent());
    }

    /** Installs a new secret; the previous one keeps signing for the rotation overlap. */
    @POST
    @Path("/{id}/rotate-secret")
    public Uni<RotatedSecret> rotateSecret(@RestPath String id, RotateSecretRequest request) {
        return service.rotateSecret(principal.get(), id, request);
    }
}
