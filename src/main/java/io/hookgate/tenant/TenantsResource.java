package io.hookgate.tenant;

import io.hookgate.api.Cursor;
import io.hookgate.api.OpenApiDefinition;
import io.hookgate.api.Page;
import io.hookgate.api.PathIds;
import io.hookgate.api.Problem;
import io.hookgate.api.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Tenant administration (admin key only). */
@Path("/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OpenApiDefinition.TAG_TENANTS)
@APIResponse(responseCode = "401", description = "Missing or invalid API key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A tenant key was used; these operations need the admin key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TenantsResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String CREATED_EXAMPLE = """
            {"id": "0b6f2c1e-8a4d-4c3e-9f1a-2d5e7b9c1a3f", "name": "Wikimania chat", "channels": ["*"],
             "api_key": "hg_k3j5m7n2p4q6r8s2_yN1...", "created_at": "2026-11-22T10:15:30Z"}""";

    private final TenantRepository tenants;
    private final ApiKeyCodec codec;
    private final CurrentPrincipal principal;

    public TenantsResource(TenantRepository tenants, ApiKeyCodec codec, CurrentPrincipal principal) {
        this.tenants = tenants;
        this.codec = codec;
        this.principal = principal;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a tenant", description = "Creates the tenant and its first API key in one step. "
            + "The key is shown only in this response; Hookgate stores only its hash.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreatedTenant.class),
                    examples = @ExampleObject(name = "created", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Invalid name or channels",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CreatedTenant>> create(CreateTenantRequest body) {
        principal.requireAdmin();
        TenantRules.TenantInput input = TenantRules.forCreate(required(body).name(), body.channels());
        ApiKeyCodec.Generated key = codec.generate();
        return tenants.create(UUID.randomUUID(), input.name(), input.channels(), key).map(created -> {
            TenantRepository.TenantRow row = created.tenant();
            CreatedTenant view = new CreatedTenant(row.id(), row.name(), row.channels(), key.key(), row.createdAt());
            return RestResponse.ResponseBuilder.<CreatedTenant>created(URI.create("/v1/tenants/" + row.id()))
                    .entity(view).build();
        });
    }

    @GET
    @Operation(summary = "List tenants", description = "Oldest first; follow next_cursor until it is null.")
    @APIResponse(responseCode = "200", description = "One page of tenants")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<TenantView>> list(
            @Parameter(description = "Page size, 1 to " + Page.MAX_LIMIT + " (default " + Page.DEFAULT_LIMIT + ")")
            @QueryParam("limit") String limit,
            @Parameter(description = "next_cursor of the previous page") @QueryParam("cursor") String cursor) {
        principal.requireAdmin();
        int size = Page.limit(limit);
        Cursor after = cursor == null ? null : Cursor.decode(cursor);
        return tenants.page(after, size + 1).map(rows ->
                Page.of(rows, size, row -> new Cursor(row.createdAt(), row.id()), TenantView::of));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a tenant")
    @APIResponse(responseCode = "200", description = "The tenant")
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TenantView> get(@PathParam("id") String id) {
        principal.requireAdmin();
        return tenants.find(PathIds.uuid(id, "tenant"))
                .map(found -> TenantView.of(found.orElseThrow(TenantsResource::missing)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "Change a tenant", description = "Only name and channels can change; absent fields are kept.")
    @APIResponse(responseCode = "200", description = "The changed tenant")
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid name or channels",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TenantView> update(@PathParam("id") String id, UpdateTenantRequest body) {
        principal.requireAdmin();
        UUID tenantId = PathIds.uuid(id, "tenant");
        TenantRules.TenantInput input = TenantRules.forUpdate(required(body));
        var result = input.name() == null && input.channels() == null
                ? tenants.find(tenantId)
                : tenants.update(tenantId, input.name(), input.channels());
        return result.map(found -> TenantView.of(found.orElseThrow(TenantsResource::missing)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a tenant", description = "Also deletes its API keys and subscriptions.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        principal.requireAdmin();
        return tenants.delete(PathIds.uuid(id, "tenant")).map(deleted -> {
            if (!deleted) {
                throw missing();
            }
            return RestResponse.noContent();
        });
    }

    static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.badRequest("a JSON request body is required");
        }
        return body;
    }

    static ProblemException missing() {
        return ProblemException.notFound("tenant");
    }
}
