package io.hookgate.inbound.secret;

import io.hookgate.inbound.SourceType;
import io.hookgate.signing.InvalidSecretException;
import io.hookgate.signing.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * One inbound source's secret as key material for its type (contract section 12).
 *
 * <ul>
 *   <li>{@code standard-webhooks}: {@code whsec_<standard base64 of 24–64 bytes>}; the HMAC key is the decoded
 *       bytes, because every Standard Webhooks sender library base64-decodes the secret it is given.
 *   <li>every other type: 24–128 printable ASCII characters without spaces; the HMAC key (and the GitLab token)
 *       is the UTF-8 bytes of the text, exactly as GitHub, GitLab and eventyay use theirs. A {@code whsec_}
 *       text is allowed here and used as text, prefix included.
 * </ul>
 * {@link #toString()} is redacted so a secret cannot leak through logs.
 */
public final class SourceSecret {

    private static final int GENERATED_BYTES = 32;
    private static final int MIN_CHARS = 24;
    private static final int MAX_CHARS = 128;
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SourceType type;
    private final byte[] hmacKey;
    private final byte[] textSha256;

    private SourceSecret(SourceType type, byte[] hmacKey, byte[] textSha256) {
        this.type = type;
        this.hmacKey = hmacKey;
        this.textSha256 = textSha256;
    }

    /**
     * A fresh secret text for a source of {@code type}: 43 URL-safe characters (32 random bytes, base64url
     * without padding), or {@code whsec_} plus the standard base64 of 32 random bytes for standard-webhooks.
     */
    public static String generate(SourceType type, SecureRandom random) {
        Objects.requireNonNull(type, "type");
        if (type == SourceType.STANDARD_WEBHOOKS) {
            return WebhookSecret.generate(random).text();
        }
        byte[] bytes = new byte[GENERATED_BYTES];
        random.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    /**
     * Parses a supplied or stored secret for a source of {@code type}.
     *
     * @throws InvalidSourceSecretException with a client-safe message that never contains the secret
     */
    public static SourceSecret of(SourceType type, String text) {
        Objects.requireNonNull(type, "type");
        if (text == null || text.isEmpty()) {
            throw new InvalidSourceSecretException(InvalidSourceSecretException.Reason.MISSING);
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (type == SourceType.STANDARD_WEBHOOKS) {
            return new SourceSecret(type, standardWebhooksKey(text), sha256(utf8));
        }
        checkPlainText(text);
        return new SourceSecret(type, utf8, sha256(utf8));
    }

    private static byte[] standardWebhooksKey(String text) {
        if (!text.startsWith(WebhookSecret.PREFIX)) {
            throw new InvalidSourceSecretException(InvalidSourceSecretException.Reason.WHSEC_REQUIRED);
        }
        try {
            return WebhookSecret.parse(text).keyBytes();
        } catch (InvalidSecretException e) {
            throw new InvalidSourceSecretException(e.reason() == InvalidSecretException.Reason.WRONG_KEY_LENGTH
                    ? InvalidSourceSecretException.Reason.WHSEC_WRONG_KEY_LENGTH
                    : InvalidSourceSecretException.Reason.WHSEC_INVALID_BASE64);
        }
    }

    private static void checkPlainText(String text) {
        if (text.length() < MIN_CHARS || text.length() > MAX_CHARS) {
            throw new InvalidSourceSecretException(InvalidSourceSecretException.Reason.WRONG_LENGTH);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // spaces are trimmed by many config paths, which would silently change the key
            if (c < 0x21 || c > 0x7e) {
                throw new InvalidSourceSecretException(InvalidSourceSecretException.Reason.INVALID_CHARACTER);
            }
        }
    }

    /** SHA-256, used to compare GitLab tokens in constant time whatever their lengths. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks SHA-256", e);
        }
    }

    /** The type this secret was parsed for. */
    public SourceType type() {
        return type;
    }

    /** The HMAC key: decoded {@code whsec_} bytes for standard-webhooks, UTF-8 bytes of the text otherwise. */
    public byte[] hmacKey() {
        return hmacKey.clone();
    }

    /** SHA-256 of the UTF-8 text, so a presented token can be compared in constant time. */
    public byte[] textSha256() {
        return textSha256.clone();
    }

    @Override
    public String toString() {
        return "SourceSecret[" + type.wire() + ", redacted]";
    }
}
