package io.hookgate.inbound.secret;

/**
 * A supplied source secret does not have an accepted format.
 *
 * <p>The message is safe to return to API clients as a field error (a later {@code 422}): it names the rule that
 * was broken and never contains the secret or any part of it.
 */
public final class InvalidSourceSecretException extends IllegalArgumentException {

    /** Why a secret was rejected; each reason has a fixed, client-safe message. */
    public enum Reason {
        MISSING("secret must not be empty"),
        WRONG_LENGTH("secret must be between 24 and 128 characters long"),
        INVALID_CHARACTER("secret may contain only printable ASCII characters, without spaces"),
        WHSEC_REQUIRED("a standard-webhooks secret must be 'whsec_' followed by the base64 of 24 to 64 bytes"),
        WHSEC_INVALID_BASE64("a 'whsec_' secret must continue with canonical standard base64"),
        WHSEC_WRONG_KEY_LENGTH("a 'whsec_' secret must encode between 24 and 64 bytes");

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

    public InvalidSourceSecretException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    /** The rule the secret broke. */
    public Reason reason() {
        return reason;
    }
}
