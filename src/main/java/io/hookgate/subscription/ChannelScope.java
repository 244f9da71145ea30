package io.hookgate.subscription;

import io.hookgate.api.ProblemException;
import io.hookgate.tenant.Principal;
import io.hookgate.tenant.TenantRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Which channels a subscription of a given tenant may name, for tenant keys and for the admin alike. */
@ApplicationScoped
public class ChannelScope {

    private final TenantRepository tenants;

    public ChannelScope(TenantRepository tenants) {
        this.tenants = tenants;
    }

    /**
     * The tenant whose channels bound the subscription. A tenant key carries its own; for the admin the
     * tenant is loaded, and an unknown tenant is a 422 on {@code tenant_id}.
     */
    public Uni<Principal.Tenant> of(Principal caller, UUID tenantId) {
        if (caller instanceof Principal.Tenant tenant) {
            return Uni.createFrom().item(tenant);
        }
        return tenants.find(tenantId).map(tenant -> tenant
                .map(row -> new Principal.Tenant(tenantId, Set.copyOf(row.channels())))
                .orElseThrow(() -> ProblemException.invalid("tenant_id", "no tenant with this id")));
    }

    /** Throws 403 naming {@code field} when its one channel lies outside the tenant's allowed channels. */
    public static void requireOne(Principal.Tenant tenant, String field, String channel) {
        if (!tenant.allowsChannel(channel)) {
            throw ProblemException.forbidden(field + " is outside the tenant's allowed channels");
        }
    }

    /** Throws 403 when a channel lies outside the tenant's allowed channels; null (all channels) always fits. */
    public static void require(Principal.Tenant tenant, List<String> channels) {
        if (channels == null) {
            return;
        }
        for (int i = 0; i < channels.size(); i++) {
            if (!tenant.allowsChannel(channels.get(i))) {
                throw ProblemException.forbidden("channels[" + i + "] is outside the tenant's allowed channels");
            }
        }
    }
}
