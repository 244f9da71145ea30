package io.hookgate.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * OpenAPI document root: every operation needs {@code Authorization: Bearer <api key>}. It extends Application
 * because SmallRye OpenAPI reads the definition annotations only there; it declares no path or classes.
 */
@OpenAPIDefinition(
        info = @Info(title = "Hookgate API", version = "0.1.0"),
        security = @SecurityRequirement(name = OpenApiDefinition.BEARER),
        tags = {
            @Tag(name = OpenApiDefinition.TAG_TENANTS, description = "Tenants and their API keys (admin key only)"),
            @Tag(name = OpenApiDefinition.TAG_API_KEYS, description = "A tenant key manages its own tenant's keys"),
            @Tag(name = OpenApiDefinition.TAG_EVENT_TYPES, description = "The catalog of deliverable event types")
        })
@SecurityScheme(
        securitySchemeName = OpenApiDefinition.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "The admin key (HOOKGATE_ADMIN_API_KEY) or a tenant key of the form hg_<key id>_<secret>")
public class OpenApiDefinition extends Application {

    /** Name of the security scheme. */
    public static final String BEARER = "bearer";
    /** Tag of the tenant endpoints. */
    public static final String TAG_TENANTS = "Tenants";
    /** Tag of the self-service key endpoints. */
    public static final String TAG_API_KEYS = "API keys";
    /** Tag of the event type catalog. */
    public static final String TAG_EVENT_TYPES = "Event types";
}
