package io.hookgate.subscription;

import io.hookgate.tenant.Principal;
import io.hookgate.tenant.TenantScope;
import java.util.Optional;
import java.util.UUID;

/**
 * Which tenant's rows a query may touch: one tenant, or all of them (admin and internal callers).
 * Every repository query takes a scope and is restricted by {@link TenantScope#restrict}, so tenant isolation
 * cannot be forgotten at a call site.
 */
public record Scope(Optional<UUID> tenantId) implements TenantScope {

    /** Every tenant: for the admin and for internal components such as the delivery engine. */
    public static Scope all() {
        return new Scope(Optional.empty());
    }

    /** Only the rows of one tenant. */
    public static Scope tenant(UUID tenantId) {
        return new Scope(Optional.of(tenantId));
    }

    /** The widest scope the caller may use. */
    public static Scope of(Principal principal) {
        return principal instanceof Principal.Tenant tenant ? tenant(tenant.tenantId()) : all();
    }
}
