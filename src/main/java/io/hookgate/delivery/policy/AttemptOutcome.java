package io.hookgate.delivery.policy;

import java.util.Locale;

/** What one delivery attempt produced: an HTTP status or a transport-level error (SPEC §3 Outcomes). */
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
        TIMEOUT, CONNECT, TLS, DNS, EGRESS_DENIED;

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
        return kind == ErrorKind.TIMEOUT || kind == ErrorKind.DNS;
    }
}
