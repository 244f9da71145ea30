package io.hookgate.pull.wake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's share of this replica's waiters ({@code hookgate.pull.max-waiters-per-tenant}): one tenant's
 * thousands of idle long-polls or streams must not take every slot of {@code max-waiters} from the others. A held
 * call enters once when it starts to wait and leaves once when it ends, however often it re-reads in between.
 */
@ApplicationScoped
public class TenantWaits {

    private final int perTenant;
    private final Map<UUID, Integer> held = new ConcurrentHashMap<>();

    @Inject
    public TenantWaits(PullWakeConfig config) {
        this(config.maxWaitersPerTenant());
    }

    public TenantWaits(int perTenant) {
        this.perTenant = perTenant;
    }

    /** Takes a slot for the tenant; false (nothing taken) when it already holds its share. */
    public boolean tryEnter(UUID tenant) {
        boolean[] entered = {false};
        held.compute(tenant, (id, n) -> {
            int now = n == null ? 0 : n;
            if (now >= perTenant) {
                return n;
            }
            entered[0] = true;
            return now + 1;
        });
        return entered[0];
    }

    /** Gives back a slot taken by {@link #tryEnter}; a tenant with none left has no entry (the map stays small). */
    public void leave(UUID tenant) {
        held.computeIfPresent(tenant, (id, n) -> n <= 1 ? null : n - 1);
    }

    /** Slots the tenant holds now. */
    public int held(UUID tenant) {
        return held.getOrDefault(tenant, 0);
    }

    /** Tenants holding at least one slot now. */
    int tenants() {
        return held.size();
    }

    /** The share, for the refusal's message. */
    public int perTenant() {
        return perTenant;
    }
}
