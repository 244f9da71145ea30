package io.hookgate.tenant;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** TEMPORARY stand-in with the API of the codec on branch h-signing; replaced when that branch is merged. */
@Singleton
public class ApiKeyCodec {

    public record Generated(String keyId, String key, byte[] secretHash) {
    }

    public record Parsed(String keyId, String secret) {
    }

    private final SecureRandom random = new SecureRandom();

    public Generated generate() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        String secretPart = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Generated(keyId, "hg_" + keyId + "_" + secretPart, hash(secretPart));
    }

    public Optional<Parsed> parse(String bearer) {
        if (bearer == null || !bearer.startsWith("hg_") || bearer.length() != 3 + 16 + 1 + 43
                || bearer.charAt(19) != '_') {
            return Optional.empty();
        }
        return Optional.of(new Parsed(bearer.substring(3, 19), bearer.substring(20)));
    }

    public boolean matches(byte[] storedHash, String secretPart) {
        return storedHash != null && secretPart != null && MessageDigest.isEqual(storedHash, hash(secretPart));
    }

    public static byte[] hash(String secretPart) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secretPart.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
