package io.hookgate.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one HTTP attempt produced: a status code (with Retry-After and a sanitised excerpt), or an error
 * code such as {@code timeout} or {@code egress_denied}. {@code body} is the exact payload that was sent.
 */
public record AttemptResult(Instant at, Duration latency, Integer statusCode, String error,
        Optional<String> retryAfter, String responseExcerpt, byte[] body) {

    public static AttemptResult response(Instant at, Duration latency, int status, Optional<String> retryAfter,
            String excerpt, byte[] body) {
        return new AttemptResult(at, latency, status, null, retryAfter, excerpt, body);
    }

    public static AttemptResult failure(Instant at, Duration latency, String error, byte[] body) {
        return new AttemptResult(at, latency, null, error, Optional.empty(), null, body);
    }

    public boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }

    /**
     * Whether the endpoint itself failed, which is what its breaker counts: 5xx, 408, 429 and transport errors
     * (DNS included). Another 4xx is the request's fault; egress denials and our own errors are not the endpoint's.
     */
    public boolean endpointFailure() {
        if (statusCode == null) {
            return !"egress_denied".equals(error) && !"internal_error".equals(error);
        }
        return statusCode >= 500 || statusCode == 408 || statusCode == 429;
    }

    /** The error stored in the log: the transport error, or the status for non-2xx answers. */
    public String errorCode() {
        if (error != null) {
            return error;
        }
        return delivered() ? null : "status_" + statusCode;
    }
}
