package io.hookgate.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM envelope for secrets at rest.
 *
 * <p>Every seal uses a fresh 12-byte random nonce and the current master-key version; the blob is
 * {@code nonce || ciphertext || 16-byte tag}. The caller's AAD (e.g. {@code subscription:<uuid>:current}) binds
 * a ciphertext to its row, so a blob copied to another row or slot fails to open. Older key versions stay
 * available for opening only, which lets the master key rotate: rows keep their version until they are re-sealed
 * ({@code hookgate.secrets.reseal-on-start}), after which the older keys can be removed.
 */
public final class SecretCipher {

    /** Key length for AES-256. */
    public static final int KEY_BYTES = 32;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;

    /** A sealed value: the master-key version used and {@code nonce || ciphertext || tag}. */
    public record Sealed(int keyVersion, byte[] blob) {

        public Sealed {
            Objects.requireNonNull(blob, "blob");
            blob = blob.clone();
        }

        @Override
        public byte[] blob() {
            return blob.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sealed that && keyVersion == that.keyVersion && Arrays.equals(blob, that.blob);
        }

        @Override
        public int hashCode() {
            return 31 * keyVersion + Arrays.hashCode(blob);
        }

        @Override
        public String toString() {
            return "Sealed[keyVersion=" + keyVersion + ", bytes=" + blob.length + "]";
        }
    }

    private final int currentVersion;
    private final Map<Integer, SecretKey> keysByVersion;
    private final SecureRandom random;

    /**
     * @param currentVersion the version new seals use; must be a key of {@code keysByVersion}
     * @param keysByVersion raw 32-byte keys by version, including the current one
     */
    public SecretCipher(int currentVersion, Map<Integer, byte[]> keysByVersion, SecureRandom random) {
        Objects.requireNonNull(keysByVersion, "keysByVersion");
        this.random = Objects.requireNonNull(random, "random");
        if (!keysByVersion.containsKey(currentVersion)) {
            throw new IllegalArgumentException("no key for current version " + currentVersion);
        }
        Map<Integer, SecretKey> keys = new HashMap<>();
        keysByVersion.forEach((version, raw) -> keys.put(version, aesKey(version, raw)));
        this.currentVersion = currentVersion;
        this.keysByVersion = Map.copyOf(keys);
    }

    /** A cipher with a single key, for callers that have not rotated the master key yet. */
    public SecretCipher(int version, byte[] key, SecureRandom random) {
        this(version, Map.of(version, key), random);
    }

    private static SecretKey aesKey(int version, byte[] raw) {
        if (raw == null || raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("master key version " + version + " must be exactly 32 bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** The version new seals are made with; rows sealed under another version are due for re-sealing. */
    public int currentKeyVersion() {
        return currentVersion;
    }

    /** Encrypts {@code plaintext} under the current master key, bound to {@code aad}. */
    public Sealed seal(byte[] plaintext, String aad) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] aadBytes = aadBytes(aad);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keysByVersion.get(currentVersion), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aadBytes);
            byte[] blob = Arrays.copyOf(nonce, NONCE_BYTES + plaintext.length + TAG_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, blob, NONCE_BYTES);
            return new Sealed(currentVersion, blob);
        } catch (GeneralSecurityException e) {
            throw new SecretCipherException("sealing failed", e);
        }
    }

    /** Decrypts a blob sealed under {@code keyVersion} with the same {@code aad}. */
    public byte[] open(int keyVersion, byte[] blob, String aad) {
        Objects.requireNonNull(blob, "blob");
        byte[] aadBytes = aadBytes(aad);
        SecretKey key = keysByVersion.get(keyVersion);
        if (key == null) {
            throw new SecretCipherException("no master key configured for version " + keyVersion);
        }
        if (blob.length < NONCE_BYTES + TAG_BYTES) {
            throw new SecretCipherException("sealed value is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 0, NONCE_BYTES));
            cipher.updateAAD(aadBytes);
            return cipher.doFinal(blob, NONCE_BYTES, blob.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretCipherException("sealed value failed authentication: tampered, wrong row or wrong key");
        } catch (GeneralSecurityException e) {
            throw new SecretCipherException("opening failed", e);
        }
    }

    /** Decrypts {@code sealed}; shorthand for {@link #open(int, byte[], String)}. */
    public byte[] open(Sealed sealed, String aad) {
        return open(sealed.keyVersion(), sealed.blob, aad);
    }

    private static byte[] aadBytes(String aad) {
        // An empty AAD would let a blob open in any row, defeating the binding.
        if (aad == null || aad.isBlank()) {
            throw new IllegalArgumentException("aad must identify the row and slot");
        }
        return aad.getBytes(StandardCharsets.UTF_8);
    }
}
