package io.hookgate.signing;

/**
 * A supplied webhook secret does not have an accepted format.
 *
 * <p>The message is safe to return to API clients as a field error: it describes the rule that was
 * broken and never contains the secret or any part of it.
 */
public final class InvalidSecretException extends IllegalArgumentException {

    /** Why a secret was rejected; each reason has a fixed, client-safe message. */
    public enum Reason {
        MISSING("secret must not be empty"),
        INVALID_BASE64("a secret starting with 'whsec_' must continue with standard base64"),
        WRONG_KEY_LENGTH("a 'whsec_' secret must encode between 24 and 64 bytes"),
        WRONG_LENGTH("a raw secret must be between 24 and 128 characters long"),
        INVALID_CHARACTER("a raw secret may contain only printable ASCII characters, without spaces");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** The client-safe description of this reason. */
        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public InvalidSecretException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    /** The rule the secret broke. */
    public Reason reason() {
        return reason;
    }
}
