package io.hookgate.inbound;

import java.util.Optional;

/** The closed set of inbound source types (contract section 12); {@link #wire()} is the API and metric name. */
public enum SourceType {
    GITHUB("github"),
    GITLAB("gitlab"),
    STANDARD_WEBHOOKS("standard-webhooks"),
    HMAC("hmac"),
    EVENTYAY("eventyay");

    private final String wire;

    SourceType(String wire) {
        this.wire = wire;
    }

    /** The name used in {@code POST /v1/sources}, in {@code source_type} and as the metric's {@code type} label. */
    public String wire() {
        return wire;
    }

    /** The type with this exact wire name (case-sensitive, as the API is), or empty. */
    public static Optional<SourceType> fromWire(String name) {
        for (SourceType type : values()) {
            if (type.wire.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** True for types whose verified requests go to {@code inbound.events} (eventyay goes to {@code chat.events}). */
    public boolean producesInboundEvents() {
        return this != EVENTYAY;
    }
}
