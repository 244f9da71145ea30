package io.hookgate.tenant;

import io.hookgate.api.OpenApiDefinition;
import io.hookgate.api.Page;
import io.hookgate.api.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A tenant key manages its own tenant's keys (SPEC section 5): list, add, revoke, e.g. to rotate a key without
 * the operator. The admin key belongs to no tenant and gets 403 here; it uses /v1/tenants/{id}/api-keys.
 */
@Path("/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OpenApiDefinition.TAG_API_KEYS)
@APIResponse(responseCode = "401", description = "Missing or invalid API key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The admin key was used; it has no keys of its own",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OwnApiKeysResource {

    private static final String ADMIN_HINT = "manage a tenant's keys under /v1/tenants/{id}/api-keys";

    private final ApiKeyRepository keys;
    private final ApiKeyCodec codec;
    private final CurrentPrincipal principal;

    public OwnApiKeysResource(ApiKeyRepository keys, ApiKeyCodec codec, CurrentPrincipal principal) {
        this.keys = keys;
        this.codec = codec;
        this.principal = principal;
    }

    @GET
    @Operation(summary = "List your tenant's API keys", description = "The active keys of the calling key's tenant,"
            + " oldest first: ids, creation and last use; never a key.")
    @APIResponse(responseCode = "200", description = "Every active key of the tenant (one page)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "keys",
                    value = """
                            {"data": [{"id": "k3j5m7n2p4q6r8s2", "created_at": "2026-11-22T10:15:30Z",
                                       "last_used_at": "2026-11-23T08:01:00Z"}], "next_cursor": null}""")))
    public Uni<Page<OwnApiKeyView>> list() {
        Principal.Tenant tenant = principal.requireTenant(ADMIN_HINT);
        return keys.listActive(tenant.tenantId()).map(found -> new Page<>(
                found.orElseThrow(TenantsResource::missing).stream().map(OwnApiKeyView::of).toList(), null));
    }

    @POST
    @Operation(summary = "Add an API key to your tenant", description = "The key is shown only in this response."
            + " To rotate a key: add one, switch your clients to it, then revoke the old one.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreatedApiKey.class),
                    examples = @ExampleObject(name = "created", value = """
                            {"id": "k3j5m7n2p4q6r8s2", "api_key": "hg_k3j5m7n2p4q6r8s2_yN1...",
                             "created_at": "2026-11-22T10:15:30Z"}""")))
    public Uni<RestResponse<CreatedApiKey>> add() {
        Principal.Tenant tenant = principal.requireTenant(ADMIN_HINT);
        ApiKeyCodec.Generated key = codec.generate();
        return keys.insert(tenant.tenantId(), key).map(stored -> {
            ApiKeyRepository.KeyRow row = stored.orElseThrow(TenantsResource::missing);
            return RestResponse.ResponseBuilder.<CreatedApiKey>created(URI.create("/v1/api-keys/" + row.id()))
                    .entity(new CreatedApiKey(row.id(), key.key(), row.createdAt())).build();
        });
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke one of your tenant's API keys", description = "The key is refused from then on"
            + " (by other gateway replicas within hookgate.auth.key-cache-ttl, 1 s by default); it may be the calling"
            + " key itself. Revoking twice is harmless. The tenant's last active key cannot"
            + " be revoked.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "Not a key of this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The tenant's last active key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Void>> revoke(@PathParam("id") String keyId) {
        Principal.Tenant tenant = principal.requireTenant(ADMIN_HINT);
        return TenantApiKeysResource.revoke(keys, tenant.tenantId(), keyId);
    }
}
