package io.hookgate.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.api.ProblemException;
import io.hookgate.api.Page;
import io.hookgate.tenant.CurrentPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /v1/subscriptions}: webhook subscriptions of the calling tenant (or of any tenant, for the admin). */
@Path("/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "Webhook subscriptions, their verification and signing secrets")
public class SubscriptionResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final SubscriptionService service;
    private final SubscriptionUpdater updater;
    private final CurrentPrincipal principal;
    private final ObjectMapper mapper;

    public SubscriptionResource(SubscriptionService service, SubscriptionUpdater updater, CurrentPrincipal principal,
            ObjectMapper mapper) {
        this.mapper = mapper;
        this.service = service;
        this.updater = updater;
        this.principal = principal;
    }

    @POST
    @Operation(summary = "Create a subscription", description = "Runs the egress check and the challenge handshake"
            + " first; on failure nothing is stored (422 egress-denied for a URL or address the policy refuses,"
            + " challenge-failed otherwise, e.g. dns_failure for a name that does not resolve). The secret appears"
            + " only in this response. channels null means all of the tenant's channels. expire_after (optional,"
            + " 1s to 7d) fails deliveries whose event is older instead of retrying them; \"5m\" suits eventyay.")
    public Uni<RestResponse<CreatedSubscription>> create(CreateSubscriptionRequest request) {
        return service.create(principal.get(), request).map(created -> RestResponse.ResponseBuilder
                .<CreatedSubscription>created(URI.create("/v1/subscriptions/" + created.subscription().id()))
                .entity(created).build());
    }

    @GET
    @Operation(summary = "List subscriptions", description = "Oldest first; follow next_cursor until it is null."
            + " The admin sees every tenant's and may filter with tenant_id.")
    public Uni<Page<SubscriptionView>> list(@RestQuery String limit, @RestQuery String cursor,
            @RestQuery("tenant_id") String tenantId) {
        return service.list(principal.get(), tenantId, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a subscription", description = "Never contains the secret.")
    public Uni<SubscriptionView> get(@RestPath String id) {
        return service.get(principal.get(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "Change a subscription", description = "Any of url, event_types, channels, description,"
            + " format, status, expire_after, and retention for a pull subscription (only the limits given change;"
            + " the trimmer applies them within 10 s). A new url or re-activation re-runs the handshake; if it fails nothing"
            + " changes (422). channels null means all channels; description null clears it. expire_after is a"
            + " duration from 1s to 7d (\"5m\", \"1h30m\", \"PT5M\"), shown back as \"5m\"; null removes it."
            + " Disabling fails the pending deliveries at once (subscription_disabled, dead-lettered).")
    public Uni<SubscriptionView> patch(@RestPath String id, JsonNode body) {
        return updater.patch(principal.get(), id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription", description = "Its deliveries are deleted with it.")
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return service.delete(principal.get(), id).map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "Rotate the signing secret", description = "Installs a new (generated or supplied) secret;"
            + " the previous one keeps signing as a second signature until previous_secret_expires_at.")
    @Consumes(MediaType.WILDCARD)
    public Uni<RotatedSecret> rotateSecret(@RestPath String id, @HeaderParam("content-type") String contentType,
            byte[] body) throws java.io.IOException {
        return service.rotateSecret(principal.get(), id, optionalBody(contentType, body));
    }

    /** The body is optional (a bare POST generates a secret); when present it must be JSON. */
    private RotateSecretRequest optionalBody(String contentType, byte[] body) throws java.io.IOException {
        if (body == null || body.length == 0) {
            return null;
        }
        if (contentType == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType))) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "send application/json, or no body to generate a secret");
        }
        return mapper.readValue(body, RotateSecretRequest.class);
    }
}
