package io.hookgate.delivery.policy;

import java.util.Locale;

/**
 * What one delivery attempt produced: an HTTP status or a transport-level error (SPEC §3 Outcomes). The one type
 * from the HTTP attempt to the outcome writer; the attempt log's status_code and error columns derive from it.
 */
public sealed interface AttemptOutcome {

    /** The receiver answered with this status code; redirects are never followed. */
    record Status(int code) implements AttemptOutcome {
    }

    /** No usable HTTP answer. */
    record Error(ErrorKind kind) implements AttemptOutcome {
        public Error {
            if (kind == null) {
                throw new IllegalArgumentException("kind is required");
            }
        }
    }

    /** Transport failures; {@link #code()} is the value stored in the attempt log. */
    enum ErrorKind {
        TIMEOUT, CONNECTION_REFUSED, CONNECTION_RESET, TLS_ERROR, DNS_FAILURE, CONNECT_ERROR,
        /** Our own per-host wait queue was full. */
        TOO_BUSY,
        /** Any other I/O or protocol failure. */
        IO_ERROR,
        /** The egress policy refused the URL or its address. */
        EGRESS_DENIED,
        /** The attempt could not even be prepared (our fault, not the endpoint's). */
        INTERNAL_ERROR;

        /** Lower-case reason code, e.g. {@code egress_denied}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Shorthand for {@code new Status(code)}. */
    static AttemptOutcome status(int code) {
        return new Status(code);
    }

    /** Shorthand for {@code new Error(kind)}. */
    static AttemptOutcome error(ErrorKind kind) {
        return new Error(kind);
    }

    /**
     * 2xx: DELIVERED; 410: GONE (fail now, disable the subscription); everything else, including
     * 1xx, 3xx, other 4xx/5xx and every {@link ErrorKind}: RETRYABLE.
     */
    default OutcomeClass classify() {
        if (this instanceof Status s) {
            if (s.code() >= 200 && s.code() <= 299) {
                return OutcomeClass.DELIVERED;
            }
            return s.code() == 410 ? OutcomeClass.GONE : OutcomeClass.RETRYABLE;
        }
        // egress_denied is a failed attempt like any other: DNS answers change, so it is retried
        return OutcomeClass.RETRYABLE;
    }

    /**
     * Timeout, DNS failure, 429 or 503: the receiver (or its name server) is overloaded or away, and the overload
     * floor applies, so that a black-holed name is not asked again a few seconds later.
     */
    default boolean isOverload() {
        if (this instanceof Status s) {
            return s.code() == 429 || s.code() == 503;
        }
        ErrorKind kind = ((Error) this).kind();
        return kind == ErrorKind.TIMEOUT || kind == ErrorKind.DNS_FAILURE;
    }

    /**
     * Whether the endpoint itself failed, which is what its breaker counts: 5xx, 408, 429 and transport errors
     * (DNS included). Another 4xx is the request's fault; egress denials and our own errors are not the endpoint's.
     */
    default boolean endpointFailure() {
        if (this instanceof Status s) {
            return s.code() >= 500 || s.code() == 408 || s.code() == 429;
        }
        ErrorKind kind = ((Error) this).kind();
        return kind != ErrorKind.EGRESS_DENIED && kind != ErrorKind.INTERNAL_ERROR;
    }

    /** The attempt log's status_code: the HTTP status, or null for a transport error. */
    default Integer statusCode() {
        return this instanceof Status s ? s.code() : null;
    }

    /** The attempt log's error: the transport error's code, {@code status_<n>} for a non-2xx answer, else null. */
    default String errorCode() {
        if (this instanceof Error e) {
            return e.kind().code();
        }
        return classify() == OutcomeClass.DELIVERED ? null : "status_" + statusCode();
    }
}
