package io.hookgate.inbound.verify;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** How a signature is written in its header; {@link #wire()} is the name in the {@code hmac} config. */
public enum SignatureEncoding {
    /** Hexadecimal, either case. */
    HEX("hex"),
    /** Standard base64, padding optional; the URL-safe alphabet is accepted too. */
    BASE64("base64");

    /** Longest encoded signature looked at: base64 of a SHA-512 MAC is 88 chars, hex 128. */
    static final int MAX_ENCODED_CHARS = 256;

    private final String wire;

    SignatureEncoding(String wire) {
        this.wire = wire;
    }

    /** The config name: {@code hex} or {@code base64}. */
    public String wire() {
        return wire;
    }

    /** The encoding with this exact config name, or empty. */
    public static Optional<SignatureEncoding> fromWire(String name) {
        for (SignatureEncoding e : values()) {
            if (e.wire.equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The signature bytes, or empty when {@code text} is not in this encoding (a plain mismatch). */
    public Optional<byte[]> decode(String text) {
        if (text.isEmpty() || text.length() > MAX_ENCODED_CHARS) {
            return Optional.empty();
        }
        try {
            if (this == HEX) {
                return Optional.of(HexFormat.of().parseHex(text));
            }
            boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
            return Optional.of((urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
