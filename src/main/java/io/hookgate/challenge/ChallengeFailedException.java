package io.hookgate.challenge;

/**
 * The receiver did not prove it controls the URL. The reason is a short code safe to show to the caller
 * ({@code timeout}, {@code status_404}, {@code mismatch}, ...); it never carries the response body.
 */
public final class ChallengeFailedException extends RuntimeException {

    private final String reason;

    public ChallengeFailedException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** The reason code, e.g. {@code status_404}. */
    public String reason() {
        return reason;
    }
}
