package io.hookgate.delivery.policy;

/**
 * The in-flight limit of one endpoint. An object per endpoint rather than a constant, because SPEC §3 lets the
 * limit adapt (grow while latency stays near its floor, shrink on timeouts) between
 * {@code max-in-flight-per-endpoint} and an upper key; until that exists it is the floor.
 */
public final class EndpointLimit {

    private final int floor;

    public EndpointLimit(int floor) {
        if (floor < 1) {
            throw new IllegalArgumentException("an endpoint limit is at least 1");
        }
        this.floor = floor;
    }

    /** Most attempts this endpoint may have in flight now. */
    public int current() {
        return floor;
    }
}
