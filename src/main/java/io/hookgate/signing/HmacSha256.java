package io.hookgate.signing;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over a sequence of byte chunks, shared by both signature schemes. */
final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    // Mac is stateful and not thread-safe; one per thread avoids the provider lookup on every call.
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(HmacSha256::newMac);

    private HmacSha256() {
    }

    /** HMAC-SHA256 of the concatenation of {@code chunks}, keyed by {@code key}. */
    static byte[] mac(byte[] key, byte[]... chunks) {
        Mac mac = MAC.get();
        try {
            // init resets any state a previous, failed use may have left behind.
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC key rejected", e);
        }
        for (byte[] chunk : chunks) {
            mac.update(chunk);
        }
        return mac.doFinal();
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + ALGORITHM, e);
        }
    }
}
