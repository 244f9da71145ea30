package io.hookgate.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A subscription's signing secret, in one of the two accepted formats.
 *
 * <ul>
 *   <li>{@code whsec_<standard base64 of 24–64 bytes>} (Standard Webhooks): the HMAC key is the decoded bytes.
 *   <li>A raw string of 24–128 printable ASCII characters {@code 0x21–0x7e} (existing eventyay shared secrets):
 *       the HMAC key is its UTF-8 bytes. Spaces are rejected: they are silently trimmed by many config tools
 *       and copy-paste paths, which would make the receiver's key differ from ours.
 * </ul>
 *
 * <p>Anything starting with {@code whsec_} must be a valid {@code whsec_} secret; it is never reinterpreted as raw.
 * {@link #toString()} is redacted so the secret cannot leak through logs.
 */
public final class WebhookSecret {

    /** Prefix of Standard Webhooks secrets. */
    public static final String PREFIX = "whsec_";

    private static final int GENERATED_KEY_BYTES = 32;
    private static final int MIN_KEY_BYTES = 24;
    private static final int MAX_KEY_BYTES = 64;
    private static final int MIN_RAW_CHARS = 24;
    private static final int MAX_RAW_CHARS = 128;
    // Upper bound on a whsec_ text: base64 of 64 bytes with padding.
    private static final int MAX_WHSEC_CHARS = PREFIX.length() + 88;

    private final String text;
    private final byte[] keyBytes;
    private final boolean raw;

    private WebhookSecret(String text, byte[] keyBytes, boolean raw) {
        this.text = text;
        this.keyBytes = keyBytes;
        this.raw = raw;
    }

    /** A fresh secret: {@code whsec_} followed by the base64 of 32 random bytes. */
    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key), key, false);
    }

    /**
     * Parses a supplied or stored secret.
     *
     * @throws InvalidSecretException with a client-safe message that never contains the secret
     */
    public static WebhookSecret parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidSecretException(InvalidSecretException.Reason.MISSING);
        }
        return text.startsWith(PREFIX) ? parseStandard(text) : parseRaw(text);
    }

    private static WebhookSecret parseStandard(String text) {
        if (text.length() > MAX_WHSEC_CHARS) {
            throw new InvalidSecretException(InvalidSecretException.Reason.WRONG_KEY_LENGTH);
        }
        String encoded = text.substring(PREFIX.length());
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidSecretException(InvalidSecretException.Reason.INVALID_BASE64);
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new InvalidSecretException(InvalidSecretException.Reason.WRONG_KEY_LENGTH);
        }
        // Reject non-canonical encodings (stray trailing bits) so one key has exactly one text form.
        if (!stripPadding(Base64.getEncoder().encodeToString(key)).equals(stripPadding(encoded))) {
            throw new InvalidSecretException(InvalidSecretException.Reason.INVALID_BASE64);
        }
        return new WebhookSecret(text, key, false);
    }

    private static WebhookSecret parseRaw(String text) {
        if (text.length() < MIN_RAW_CHARS || text.length() > MAX_RAW_CHARS) {
            throw new InvalidSecretException(InvalidSecretException.Reason.WRONG_LENGTH);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new InvalidSecretException(InvalidSecretException.Reason.INVALID_CHARACTER);
            }
        }
        return new WebhookSecret(text, text.getBytes(StandardCharsets.UTF_8), true);
    }

    private static String stripPadding(String base64) {
        int end = base64.length();
        while (end > 0 && base64.charAt(end - 1) == '=') {
            end--;
        }
        return base64.substring(0, end);
    }

    /** The HMAC key for {@code webhook-signature}: decoded bytes for {@code whsec_}, UTF-8 bytes for raw. */
    public byte[] keyBytes() {
        return keyBytes.clone();
    }

    /** The secret exactly as supplied or generated; this is what is stored and shown once to the owner. */
    public String text() {
        return text;
    }

    /** True for a raw (non-{@code whsec_}) secret. */
    public boolean isRaw() {
        return raw;
    }

    /**
     * The form to hand to an official Standard Webhooks library: the text itself for {@code whsec_} secrets,
     * {@code whsec_} plus the base64 of the UTF-8 bytes for raw secrets.
     */
    public String standardWebhooksForm() {
        return raw ? PREFIX + Base64.getEncoder().encodeToString(keyBytes) : text;
    }

    // Package-private: avoids a defensive copy on every signature.
    byte[] keyBytesUnsafe() {
        return keyBytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that
                && MessageDigest.isEqual(
                        text.getBytes(StandardCharsets.UTF_8), that.text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookSecret[***]";
    }
}
