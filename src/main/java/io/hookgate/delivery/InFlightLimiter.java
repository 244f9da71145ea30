package io.hookgate.delivery;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Non-blocking in-flight permits: at most {@code perEndpointCap} per endpoint key and
 * {@code globalCap} in total (SPEC §3 Isolation). A refused caller postpones its work instead of
 * waiting, so no thread, event loop included, ever blocks here. Per-key counts are updated under
 * {@link ConcurrentHashMap#compute}'s per-bin lock and removed at zero, so memory tracks only
 * endpoints with requests in flight. Every successful {@link #tryAcquire} needs exactly one
 * {@link #release}.
 */
public final class InFlightLimiter {

    private final int perEndpointCap;
    private final int globalCap;
    private final AtomicInteger global = new AtomicInteger();
    private final Map<String, Integer> perEndpoint = new ConcurrentHashMap<>();

    public InFlightLimiter(int perEndpointCap, int globalCap) {
        if (perEndpointCap < 1 || globalCap < 1 || perEndpointCap > globalCap) {
            throw new IllegalArgumentException("caps must be >= 1 and perEndpointCap <= globalCap");
        }
        this.perEndpointCap = perEndpointCap;
        this.globalCap = globalCap;
    }

    /** Limits from {@code hookgate.delivery.max-in-flight-per-endpoint} and {@code .max-in-flight}. */
    public static InFlightLimiter from(DeliveryConfig config) {
        return new InFlightLimiter(config.maxInFlightPerEndpoint(), config.maxInFlight());
    }

    /** Takes a permit for the endpoint; false, with nothing taken, if either cap is reached. */
    public boolean tryAcquire(String endpointKey) {
        if (!acquireGlobal()) {
            return false;
        }
        boolean[] granted = {false};
        perEndpoint.compute(endpointKey, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= perEndpointCap) {
                return count;
            }
            granted[0] = true;
            return current + 1;
        });
        if (!granted[0]) {
            global.decrementAndGet();
        }
        return granted[0];
    }

    /** Returns a permit taken by {@link #tryAcquire}; a release without a permit is ignored. */
    public void release(String endpointKey) {
        boolean[] released = {false};
        perEndpoint.computeIfPresent(endpointKey, (key, count) -> {
            released[0] = true;
            return count <= 1 ? null : count - 1;
        });
        if (released[0]) {
            global.decrementAndGet();
        }
    }

    /** Requests in flight across all endpoints. */
    public int inFlight() {
        return global.get();
    }

    /** Requests in flight to this endpoint. */
    public int inFlight(String endpointKey) {
        return perEndpoint.getOrDefault(endpointKey, 0);
    }

    /** Permits still available under the global cap (for sizing the next claim). */
    public int available() {
        return Math.max(0, globalCap - global.get());
    }

    /** Whether the global cap is reached. */
    public boolean saturated() {
        return global.get() >= globalCap;
    }

    /** Whether this endpoint is at its cap. */
    public boolean endpointSaturated(String endpointKey) {
        return inFlight(endpointKey) >= perEndpointCap;
    }

    /** A snapshot of the endpoints at their cap. */
    public Set<String> saturatedEndpoints() {
        return perEndpoint.entrySet().stream()
                .filter(e -> e.getValue() >= perEndpointCap)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    private boolean acquireGlobal() {
        int current;
        do {
            current = global.get();
            if (current >= globalCap) {
                return false;
            }
        } while (!global.compareAndSet(current, current + 1));
        return true;
    }
}
