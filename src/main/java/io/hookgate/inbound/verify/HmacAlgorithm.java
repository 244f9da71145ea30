package io.hookgate.inbound.verify;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC algorithms an inbound source may use; {@link #wire()} is the name in the {@code hmac} config. */
public enum HmacAlgorithm {
    SHA256("sha256", "HmacSHA256"),
    SHA512("sha512", "HmacSHA512");

    private final String wire;
    private final String jca;
    // Mac is stateful and not thread-safe; one per thread avoids the provider lookup on every call.
    private final ThreadLocal<Mac> mac;

    HmacAlgorithm(String wire, String jca) {
        this.wire = wire;
        this.jca = jca;
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    /** The config name: {@code sha256} or {@code sha512}. */
    public String wire() {
        return wire;
    }

    /** The algorithm with this exact config name, or empty. */
    public static Optional<HmacAlgorithm> fromWire(String name) {
        for (HmacAlgorithm a : values()) {
            if (a.wire.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** HMAC of the concatenation of {@code chunks}, keyed by {@code key}. */
    public byte[] mac(byte[] key, byte[]... chunks) {
        Mac m = mac.get();
        try {
            // init resets any state a previous, failed use may have left behind
            m.init(new SecretKeySpec(key, jca));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC key rejected", e);
        }
        for (byte[] chunk : chunks) {
            m.update(chunk);
        }
        return m.doFinal();
    }

    private Mac newMac() {
        try {
            return Mac.getInstance(jca);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jca, e);
        }
    }
}
