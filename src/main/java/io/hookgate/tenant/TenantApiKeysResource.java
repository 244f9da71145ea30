package io.hookgate.tenant;

import io.hookgate.api.OpenApiDefinition;
import io.hookgate.api.Page;
import io.hookgate.api.PathIds;
import io.hookgate.api.Problem;
import io.hookgate.api.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's API keys (admin key only): add, list, revoke. */
@Path("/v1/tenants/{id}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = OpenApiDefinition.TAG_TENANTS)
@APIResponse(responseCode = "401", description = "Missing or invalid API key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A tenant key was used; these operations need the admin key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such tenant or key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TenantApiKeysResource {

    // key ids are short lowercase tokens; anything else cannot exist
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,64}");

    private final ApiKeyRepository keys;
    private final ApiKeyCodec codec;
    private final CurrentPrincipal principal;

    public TenantApiKeysResource(ApiKeyRepository keys, ApiKeyCodec codec, CurrentPrincipal principal) {
        this.keys = keys;
        this.codec = codec;
        this.principal = principal;
    }

    @POST
    @Operation(summary = "Add an API key", description = "The key is shown only in this response. "
            + "Several keys may be active at once, so a key can be rotated without downtime.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreatedApiKey.class),
                    examples = @ExampleObject(name = "created", value = """
                            {"id": "k3j5m7n2p4q6r8s2", "api_key": "hg_k3j5m7n2p4q6r8s2_yN1...",
                             "created_at": "2026-11-22T10:15:30Z"}""")))
    public Uni<RestResponse<CreatedApiKey>> add(@PathParam("id") String id) {
        principal.requireAdmin();
        UUID tenantId = PathIds.uuid(id, "tenant");
        ApiKeyCodec.Generated key = codec.generate();
        return keys.insert(tenantId, key).map(stored -> {
            ApiKeyRepository.KeyRow row = stored.orElseThrow(TenantsResource::missing);
            URI location = URI.create("/v1/tenants/" + tenantId + "/api-keys/" + row.id());
            return RestResponse.ResponseBuilder.<CreatedApiKey>created(location)
                    .entity(new CreatedApiKey(row.id(), key.key(), row.createdAt())).build();
        });
    }

    @GET
    @Operation(summary = "List API keys", description = "Key ids with creation and revocation times; never a key.")
    @APIResponse(responseCode = "200", description = "All keys of the tenant, oldest first")
    public Uni<Page<ApiKeyView>> list(@PathParam("id") String id) {
        principal.requireAdmin();
        return keys.list(PathIds.uuid(id, "tenant")).map(found -> new Page<>(
                found.orElseThrow(TenantsResource::missing).stream().map(ApiKeyView::of).toList(), null));
    }

    @DELETE
    @Path("{key_id}")
    @Operation(summary = "Revoke an API key", description = "The key is refused from then on (by other gateway"
            + " replicas within hookgate.auth.key-cache-ttl, 1 s by default). Revoking twice is "
            + "harmless. A tenant always keeps one active key: revoking the last one is a conflict; add a new key"
            + " first, or delete the tenant.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "409", description = "The tenant's last active key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Void>> revoke(@PathParam("id") String id, @PathParam("key_id") String keyId) {
        principal.requireAdmin();
        UUID tenantId = PathIds.uuid(id, "tenant");
        return revoke(keys, tenantId, keyId);
    }

    /** Revokes a key of the tenant: 204, 404 for a key the tenant does not have, 409 for its last active key. */
    static Uni<RestResponse<Void>> revoke(ApiKeyRepository keys, UUID tenantId, String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw ProblemException.notFound("API key");
        }
        return keys.revoke(tenantId, keyId).map(outcome -> switch (outcome) {
            case REVOKED -> RestResponse.<Void>noContent();
            case NOT_FOUND -> throw ProblemException.notFound("API key");
            case LAST_ACTIVE_KEY -> throw new ProblemException(409, "last-api-key", "Conflict",
                    "this is the tenant's last active API key; add another key first");
        });
    }
}
