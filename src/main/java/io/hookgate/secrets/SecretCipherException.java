package io.hookgate.secrets;

/** A sealed secret could not be opened or sealed; the message never contains key or secret material. */
public final class SecretCipherException extends RuntimeException {

    public SecretCipherException(String message) {
        super(message);
    }

    public SecretCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
