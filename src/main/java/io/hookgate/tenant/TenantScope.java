package io.hookgate.tenant;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which tenant's rows a management query may touch: one tenant, or all of them (admin and internal callers).
 * {@link #restrict} is the one place that adds the tenant predicate to every tenant-owned HQL query, so a row of
 * another tenant is simply not found (404), never a 403 that would confirm it exists.
 */
public interface TenantScope {

    /** The tenant whose rows are visible; empty for every tenant. */
    Optional<UUID> tenantId();

    /** Only the rows of one tenant. */
    static TenantScope of(UUID tenantId) {
        Optional<UUID> tenant = Optional.of(tenantId);
        return () -> tenant;
    }

    /**
     * The predicate with {@code tenantId = :tenant} added in a tenant scope.
     *
     * @param predicate an HQL predicate over an entity with a {@code tenantId} attribute; empty for no other condition
     * @param params its named parameters, none called {@code tenant}
     */
    default Restricted restrict(String predicate, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        String where = predicate.isEmpty() ? "" : "(" + predicate + ")";
        if (tenantId().isPresent()) {
            all.put("tenant", tenantId().get());
            where = where.isEmpty() ? "tenantId = :tenant" : where + " and tenantId = :tenant";
        }
        return new Restricted(where.isEmpty() ? "1 = 1" : where, Collections.unmodifiableMap(all));
    }

    /** An HQL predicate with its named parameters, restricted to a scope. */
    record Restricted(String where, Map<String, Object> params) {
    }
}
