package io.hookgate.inbound.ingest;

import io.hookgate.inbound.verify.RejectReason;

/**
 * What the ingest endpoint answered, beyond the verifiers' {@link RejectReason}s: with them, the closed set of
 * {@code result} labels of {@code hookgate_inbound_requests_total}.
 */
public enum IngestOutcome {
    ACCEPTED("accepted", 202),
    DUPLICATE("duplicate", 202),
    CHALLENGE("challenge", 200),
    UNKNOWN_SOURCE("unknown_source", 404),
    FORBIDDEN_ADDRESS("forbidden_address", 403),
    TOO_LARGE("too_large", 413),
    RATE_LIMITED("rate_limited", 429),
    BAD_REQUEST("bad_request", 400),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    INVALID_EVENT("invalid_event", 422),
    CHANNEL_NOT_ALLOWED("channel_not_allowed", 403),
    IN_PROGRESS("in_progress", 409),
    BROKER_UNAVAILABLE("broker_unavailable", 503),
    /** The database (or another dependency than the broker) failed; nothing was produced. */
    UNAVAILABLE("unavailable", 503);

    private final String label;
    private final int status;

    IngestOutcome(String label, int status) {
        this.label = label;
        this.status = status;
    }

    /** The metric label; stable, never renamed. */
    public String label() {
        return label;
    }

    /** The HTTP status answered. */
    public int status() {
        return status;
    }
}
