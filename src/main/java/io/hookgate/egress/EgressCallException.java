package io.hookgate.egress;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * An outbound HTTP call failed before a complete response arrived. Carries a reason code for the
 * attempt log and metrics; no stack trace, because these failures are expected.
 */
public final class EgressCallException extends RuntimeException {

    /** Why the call failed; {@link #code()} is the stable wire value. */
    public enum Reason {
        TIMEOUT, CONNECTION_REFUSED, CONNECTION_RESET, TLS_ERROR, DNS_FAILURE, CONNECT_ERROR,
        /** Our own per-host wait queue is full: not the endpoint's fault. */
        TOO_BUSY,
        /** Any other I/O or protocol failure. */
        IO_ERROR;

        /** Lower-case code such as {@code connection_refused}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public EgressCallException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** The reason for the failure. */
    public Reason reason() {
        return reason;
    }

    /** The reason code, e.g. {@code timeout}. */
    public String code() {
        return reason.code();
    }

    /** Maps a Vert.x/Netty/JDK failure to a reason, looking through the cause chain. */
    public static Reason classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Reason reason = direct(t);
            if (reason != null) {
                return reason;
            }
        }
        return Reason.IO_ERROR;
    }

    private static Reason direct(Throwable t) {
        if (t instanceof EgressCallException call) {
            return call.reason();
        }
        if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
            return Reason.TIMEOUT;
        }
        if (t instanceof ConnectionPoolTooBusyException) {
            return Reason.TOO_BUSY;
        }
        if (t instanceof SSLException || t instanceof CertificateException) {
            return Reason.TLS_ERROR;
        }
        if (t instanceof UnknownHostException) {
            return Reason.DNS_FAILURE;
        }
        if (t instanceof NoRouteToHostException) {
            return Reason.CONNECT_ERROR;
        }
        if (t instanceof ConnectException) {
            return messageContains(t, "refused") ? Reason.CONNECTION_REFUSED : Reason.CONNECT_ERROR;
        }
        if (t instanceof HttpClosedException || t instanceof ClosedChannelException
                || (t instanceof IOException && messageContains(t, "reset"))) {
            return Reason.CONNECTION_RESET;
        }
        return null;
    }

    private static boolean messageContains(Throwable t, String word) {
        String message = t.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains(word);
    }
}
