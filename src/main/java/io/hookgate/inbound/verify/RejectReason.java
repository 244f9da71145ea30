package io.hookgate.inbound.verify;

/**
 * Why a verifier rejected a request. {@link #label()} is the stable {@code result} label of
 * {@code hookgate_inbound_requests_total}; {@link #status()} is the HTTP status the ingest endpoint answers.
 */
public enum RejectReason {
    /** The signature or token header is absent or blank: an unsigned request. */
    MISSING_SIGNATURE("missing_signature", 401),
    /** Present but wrong: another secret, other bytes, wrong prefix, malformed hex/base64, or repeated header. */
    BAD_SIGNATURE("bad_signature", 401),
    /** A signed header other than the signature is absent ({@code webhook-id}, {@code webhook-timestamp}). */
    MISSING_HEADER("missing_header", 401),
    /** {@code webhook-timestamp} is not a plain decimal count of seconds. */
    BAD_TIMESTAMP("bad_timestamp", 401),
    /** Correctly signed, but the timestamp is more than the tolerance away from now, either way. */
    STALE_TIMESTAMP("stale_timestamp", 401),
    /** Correctly signed, but an event or delivery-id header is not 1–200 printable ASCII characters. */
    BAD_HEADER("bad_header", 400);

    private final String label;
    private final int status;

    RejectReason(String label, int status) {
        this.label = label;
        this.status = status;
    }

    /** The metric label and log code; stable, never renamed. */
    public String label() {
        return label;
    }

    /** The HTTP status for this rejection: 401 for anything that fails authentication. */
    public int status() {
        return status;
    }
}
