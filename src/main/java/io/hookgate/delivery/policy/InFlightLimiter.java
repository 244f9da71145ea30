package io.hookgate.delivery.policy;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The shared caps of SPEC §3 Isolation: attempts in flight per host ({@code host:port}), per tenant and in total,
 * and the rows queued in memory behind them, each bounded by {@code queueFactor} times the same number and all of
 * them together by {@link #MAX_QUEUED_CHARS} of payload. The per-endpoint cap is each lane's own {@link EndpointLimit}. A refused caller queues or postpones its work instead of waiting, so no
 * thread ever blocks here. Counts are forgotten at zero, so memory tracks only hosts and tenants with work.
 * Not thread-safe: the lanes use it under their lock, together with the per-endpoint counts it must agree with.
 * A null tenant asks about the host and global caps only.
 */
public final class InFlightLimiter {

    /**
     * Caps on attempts in flight; {@code queueFactor} times them bound the rows queued behind them, so that a fast
     * lane can hold a whole claim round (or intake batch) instead of taking a fraction and handing the rest back.
     */
    public record Caps(int perHost, int perTenant, int global, int queueFactor) {
        public Caps {
            if (perHost < 1 || perTenant < 1 || global < 1 || perHost > global || perTenant > global
                    || queueFactor < 1) {
                throw new IllegalArgumentException("caps must be >= 1 and per-host, per-tenant <= global");
            }
        }

        /** Queued rows bounded by the in-flight caps themselves. */
        public Caps(int perHost, int perTenant, int global) {
            this(perHost, perTenant, global, 1);
        }
    }

    /** Payload characters all queued rows may hold together: rows wait in memory, and events can be 1 MiB each. */
    public static final long MAX_QUEUED_CHARS = 32L << 20;

    private static final int IN_FLIGHT = 0;
    private static final int QUEUED = 1;

    private final Caps caps;
    private final Map<String, int[]> hosts = new HashMap<>();
    private final Map<UUID, int[]> tenants = new HashMap<>();
    private int inFlight;
    private int queued;
    private long queuedChars;

    public InFlightLimiter(Caps caps) {
        this.caps = caps;
    }

    /** Whether one more attempt to this host for this tenant fits under every shared cap. */
    public boolean canStart(String host, UUID tenant) {
        return inFlight < caps.global() && count(hosts, host, IN_FLIGHT) < caps.perHost()
                && count(tenants, tenant, IN_FLIGHT) < caps.perTenant();
    }

    /**
     * Whether one more row for this host and tenant may wait in memory. The payload budget is checked before the row
     * (it may overshoot by that one row), so the answer does not depend on the row and the claim's exclusions, which
     * ask without one, agree with it.
     */
    public boolean canQueue(String host, UUID tenant) {
        int f = caps.queueFactor();
        return queued < f * caps.global() && count(hosts, host, QUEUED) < f * caps.perHost()
                && count(tenants, tenant, QUEUED) < f * caps.perTenant() && queuedChars < MAX_QUEUED_CHARS;
    }

    /**
     * Rows one lane's top-up may add for this host and these tenants: half of what is still free under every queue
     * bound, so rows of other lanes can always queue behind a backlogged one and take their turns, however full
     * another tenant keeps its own share (an absolute half would leave nothing once one tenant holds it); none once
     * half of the payload budget is queued.
     */
    public int topUpRoom(String host, Collection<UUID> owners) {
        return queuedChars >= MAX_QUEUED_CHARS / 2 ? 0 : queueRoom(host, owners) / 2;
    }

    /** Rows that may still queue for this host and these tenants under every queue bound. */
    public int queueRoom(String host, Collection<UUID> owners) {
        if (queuedChars >= MAX_QUEUED_CHARS) {
            return 0;
        }
        int f = caps.queueFactor();
        int room = Math.min(f * caps.global() - queued, f * caps.perHost() - count(hosts, host, QUEUED));
        for (UUID tenant : owners) {
            room = Math.min(room, f * caps.perTenant() - count(tenants, tenant, QUEUED));
        }
        return Math.max(0, room);
    }

    public void started(String host, UUID tenant) {
        inFlight++;
        add(hosts, host, IN_FLIGHT, 1);
        add(tenants, tenant, IN_FLIGHT, 1);
    }

    public void finished(String host, UUID tenant) {
        inFlight--;
        add(hosts, host, IN_FLIGHT, -1);
        add(tenants, tenant, IN_FLIGHT, -1);
    }

    public void queued(String host, UUID tenant, long chars) {
        queued++;
        queuedChars += chars;
        add(hosts, host, QUEUED, 1);
        add(tenants, tenant, QUEUED, 1);
    }

    public void dequeued(String host, UUID tenant, long chars) {
        queued--;
        queuedChars -= chars;
        add(hosts, host, QUEUED, -1);
        add(tenants, tenant, QUEUED, -1);
    }

    /** A host that can neither start nor queue anything more: claims should skip its URLs. */
    public boolean hostFull(String host) {
        return full(count(hosts, host, IN_FLIGHT), count(hosts, host, QUEUED), caps.perHost(), caps.queueFactor());
    }

    /** Whether this tenant is at its share of the in-flight cap. */
    public boolean atShare(UUID tenant) {
        return count(tenants, tenant, IN_FLIGHT) >= caps.perTenant();
    }

    /** Tenants at their share of the in-flight cap: they cannot start anything now. */
    public Set<UUID> tenantsAtShare() {
        Set<UUID> full = new HashSet<>();
        tenants.forEach((tenant, c) -> {
            if (c[IN_FLIGHT] >= caps.perTenant()) {
                full.add(tenant);
            }
        });
        return full;
    }

    /** Tenants that can neither start nor queue anything more: a handoff should leave their rows to the claim. */
    public Set<UUID> fullTenants() {
        Set<UUID> full = new HashSet<>();
        tenants.forEach((tenant, c) -> {
            if (full(c[IN_FLIGHT], c[QUEUED], caps.perTenant(), caps.queueFactor())) {
                full.add(tenant);
            }
        });
        return full;
    }

    /**
     * Rows that may still be claimed: the free in-flight slots. Queued rows do not count: they wait for a cap of
     * their own lane, host or tenant, and must not keep rows of other lanes from being claimed (the exclusions
     * keep claims away from lanes that cannot take more, the global queue bound included).
     */
    public int room() {
        return Math.max(0, caps.global() - inFlight);
    }

    /** Free in-flight slots under the global cap. */
    public int available() {
        return Math.max(0, caps.global() - inFlight);
    }

    public int inFlight() {
        return inFlight;
    }

    public int queued() {
        return queued;
    }

    public int inFlight(String host) {
        return count(hosts, host, IN_FLIGHT);
    }

    public int inFlight(UUID tenant) {
        return count(tenants, tenant, IN_FLIGHT);
    }

    /** Hosts and tenants tracked (each has something in flight or queued). */
    public int tracked() {
        return hosts.size() + tenants.size();
    }

    private static boolean full(int inFlight, int queued, int cap, int queueFactor) {
        return inFlight >= cap && queued >= queueFactor * cap;
    }

    private static <K> int count(Map<K, int[]> counts, K key, int slot) {
        int[] c = counts.get(key);
        return c == null ? 0 : c[slot];
    }

    private static <K> void add(Map<K, int[]> counts, K key, int slot, int delta) {
        int[] c = counts.computeIfAbsent(key, k -> new int[2]);
        c[slot] += delta;
        if (c[slot] < 0) {
            throw new IllegalStateException("released more than was taken");
        }
        if (c[IN_FLIGHT] == 0 && c[QUEUED] == 0) {
            counts.remove(key);
        }
    }
}
