package io.hookgate.egress;

import java.util.Locale;

/**
 * The egress guard refused a URL: a policy violation. Expected at registration and delivery, so it carries a
 * reason code and no stack trace. Messages name the host at most, never the query string. A DNS lookup that fails
 * is not a refusal: it is an {@link EgressCallException} with {@code dns_failure}.
 */
public final class EgressDeniedException extends RuntimeException {

    /** Why a URL was refused; {@link #code()} is the stable wire value. */
    public enum Reason {
        INVALID_URL, SCHEME_NOT_ALLOWED, USERINFO, FRAGMENT, INVALID_HOST, INVALID_PORT, TOO_LONG,
        DENIED_ADDRESS;

        /** Lower-case code such as {@code denied_address}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public EgressDeniedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** The reason for the refusal. */
    public Reason reason() {
        return reason;
    }

    /** The reason code, e.g. {@code invalid_host}. */
    public String code() {
        return reason.code();
    }
}
