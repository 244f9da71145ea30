package io.hookgate.inbound.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.inbound.InboundConfig;
import io.hookgate.api.Page;
import io.hookgate.api.ProblemException;
import io.hookgate.tenant.CurrentPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /v1/sources}: inbound webhook sources of the calling tenant (or of any tenant, for the admin). */
@Path("/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inbound sources", description = "Verified webhooks from GitHub, GitLab, Standard Webhooks senders,"
        + " HMAC senders and eventyay rooms, posted to the source's ingest_url")
public class SourceResource {

    private final SourceService service;
    private final CurrentPrincipal principal;
    private final InboundConfig config;
    private final ObjectMapper mapper;

    public SourceResource(SourceService service, CurrentPrincipal principal, InboundConfig config,
            ObjectMapper mapper) {
        this.service = service;
        this.principal = principal;
        this.config = config;
        this.mapper = mapper;
    }

    /** Optional body of rotate-secret. */
    public record RotateRequest(@JsonProperty("secret") String secret) {
        @Override
        public String toString() {
            return "RotateRequest[secret=***]";
        }
    }

    @POST
    @Operation(summary = "Create a source", description = "The secret (generated when absent) appears only in this"
            + " response. Configure the sender with ingest_url and the secret. hmac sources need hmac, eventyay"
            + " sources need channels inside the tenant's scope (else 403).")
    public Uni<RestResponse<CreatedSource>> create(CreateSourceRequest request, @Context UriInfo uri) {
        return service.create(principal.get(), request, baseUrl(uri)).map(created -> RestResponse.ResponseBuilder
                .<CreatedSource>created(URI.create("/v1/sources/" + created.source().id()))
                .entity(created).build());
    }

    @GET
    @Operation(summary = "List sources", description = "Oldest first; follow next_cursor until it is null.")
    public Uni<Page<SourceView>> list(@RestQuery String limit, @RestQuery String cursor, @Context UriInfo uri) {
        return service.list(principal.get(), limit, cursor, baseUrl(uri));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a source", description = "Never contains the secret.")
    public Uni<SourceView> get(@RestPath String id, @Context UriInfo uri) {
        return service.get(principal.get(), id, baseUrl(uri));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a source", description = "Any of name, allow_cidrs (null: any address), hmac"
            + " (hmac sources), channels (eventyay sources). The type never changes; rotate the secret instead.")
    public Uni<SourceView> patch(@RestPath String id, JsonNode body, @Context UriInfo uri) {
        return service.patch(principal.get(), id, body, baseUrl(uri));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a source", description = "Its routes go with it; its ingest_url answers 404.")
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return service.delete(principal.get(), id).map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Rotate the source's secret", description = "Body optional: {secret} to supply one."
            + " The previous secret keeps verifying until previous_secret_expires_at"
            + " (hookgate.secrets.rotation-overlap).")
    public Uni<RotatedSourceSecret> rotate(@RestPath String id, @HeaderParam("content-type") String contentType,
            byte[] body) throws IOException {
        return service.rotate(principal.get(), id, suppliedSecret(contentType, body));
    }

    private String suppliedSecret(String contentType, byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            return null;
        }
        if (contentType == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType))) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "send application/json, or no body to generate a secret");
        }
        RotateRequest request = mapper.readValue(body, RotateRequest.class);
        return request == null ? null : request.secret();
    }

    private String baseUrl(UriInfo uri) {
        return config.publicUrl().orElseGet(() -> uri.getBaseUri().toString());
    }
}
