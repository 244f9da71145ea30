package io.hookgate.tenant;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Tenant API keys: {@code hg_<keyId>_<secret>}.
 *
 * <p>{@code keyId} is 16 random lowercase base32 characters ({@code a-z2-7}, 80 bits) and is stored in clear to
 * find the key row; {@code secret} is the unpadded base64url of 32 random bytes (43 characters, may itself contain
 * {@code _} or {@code -}). Only SHA-256 of the secret part's UTF-8 text is stored, and compared in constant time.
 */
@Singleton
public class ApiKeyCodec {

    /** Prefix of every Hookgate tenant API key. */
    public static final String PREFIX = "hg_";

    private static final String KEY_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int KEY_ID_LENGTH = 16;
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = 43;
    private static final int KEY_LENGTH = PREFIX.length() + KEY_ID_LENGTH + 1 + SECRET_LENGTH;

    /** A freshly generated key: {@code key} is shown to the caller once; store {@code keyId} and {@code secretHash}. */
    public record Generated(String keyId, String key, byte[] secretHash) {

        public Generated {
            secretHash = secretHash.clone();
        }

        @Override
        public byte[] secretHash() {
            return secretHash.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Generated that && keyId.equals(that.keyId) && sameText(key, that.key);
        }

        @Override
        public int hashCode() {
            return keyId.hashCode();
        }

        @Override
        public String toString() {
            return "Generated[keyId=" + keyId + ", key=***]";
        }
    }

    /** A syntactically valid presented key, split into the lookup id and the secret to check. */
    public record Parsed(String keyId, String secret) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Parsed that && keyId.equals(that.keyId) && sameText(secret, that.secret);
        }

        @Override
        public int hashCode() {
            return keyId.hashCode();
        }

        @Override
        public String toString() {
            return "Parsed[keyId=" + keyId + ", secret=***]";
        }
    }

    private final SecureRandom random;

    /** Uses a default {@link SecureRandom}; this is the constructor CDI calls. */
    public ApiKeyCodec() {
        this(new SecureRandom());
    }

    public ApiKeyCodec(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new random key with its id and the hash to store. */
    public Generated generate() {
        StringBuilder keyId = new StringBuilder(KEY_ID_LENGTH);
        for (int i = 0; i < KEY_ID_LENGTH; i++) {
            // 32 is a power of two, so nextInt(32) is unbiased.
            keyId.append(KEY_ID_ALPHABET.charAt(random.nextInt(KEY_ID_ALPHABET.length())));
        }
        byte[] secretBytes = new byte[SECRET_BYTES];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        return new Generated(keyId.toString(), PREFIX + keyId + "_" + secret, hash(secret));
    }

    /**
     * Splits a presented bearer token (the text after {@code "Bearer "}); empty on any deviation from the exact
     * format, including surrounding whitespace. Never throws.
     */
    public Optional<Parsed> parse(String bearer) {
        if (bearer == null || bearer.length() != KEY_LENGTH || !bearer.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int idEnd = PREFIX.length() + KEY_ID_LENGTH;
        String keyId = bearer.substring(PREFIX.length(), idEnd);
        String secret = bearer.substring(idEnd + 1);
        if (bearer.charAt(idEnd) != '_' || !isKeyId(keyId) || !isCanonicalSecret(secret)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(keyId, secret));
    }

    /** True when {@code secretPart} hashes to {@code storedHash}; the comparison takes constant time. */
    public boolean matches(byte[] storedHash, String secretPart) {
        if (storedHash == null || secretPart == null) {
            return false;
        }
        return MessageDigest.isEqual(storedHash, hash(secretPart));
    }

    /** SHA-256 of the secret part's UTF-8 text: the value stored for a key. */
    public static byte[] hash(String secretPart) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secretPart.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks SHA-256", e);
        }
    }

    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isKeyId(String keyId) {
        for (int i = 0; i < keyId.length(); i++) {
            if (KEY_ID_ALPHABET.indexOf(keyId.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCanonicalSecret(String secret) {
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            boolean urlSafe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!urlSafe) {
                return false;
            }
        }
        byte[] decoded = Base64.getUrlDecoder().decode(secret);
        // Non-zero trailing bits would give one secret several spellings.
        return decoded.length == SECRET_BYTES
                && Base64.getUrlEncoder().withoutPadding().encodeToString(decoded).equals(secret);
    }
}
