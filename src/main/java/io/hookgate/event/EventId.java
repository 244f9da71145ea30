package io.hookgate.event;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The id of an event, sent as {@code webhook-id}: {@code evt_} + lowercase hex, never a {@code '.'},
 * at most 64 characters (the dot would break the Standard Webhooks signed content {@code id.ts.body}).
 *
 * <p>A chat event's id is a digest of the whole event in its {@linkplain PayloadFormatter#writeCanonical
 * canonical form}, so the same event keeps its id across retries, redeliveries and re-consumption, and two events
 * that differ in anything (type, text, sender, reaction) have two ids, even when they share a {@code message_id}
 * as eventyay's reactions do. Whitespace, key order and string escapes do not change it.
 */
public record EventId(String value) {

    /** Upper bound on the id length, from the contract. */
    public static final int MAX_LENGTH = 64;

    private static final String PREFIX = "evt_";
    private static final String PING_PREFIX = "evt_ping_";
    private static final int DIGEST_BYTES = 20;
    private static final int PING_RANDOM_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();
    private static final RandomGenerator SECURE = new SecureRandom();

    public EventId {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX) || value.length() > MAX_LENGTH || value.indexOf('.') >= 0) {
            throw new IllegalArgumentException("not an event id");
        }
    }

    /**
     * Deterministic id of a chat event: {@code "evt_"} + hex of the first 20 bytes of SHA-256 over the UTF-8 of its
     * canonical form.
     *
     * @param rawJson the event as received; it must have passed {@link ChatEventParser}
     */
    public static EventId forEvent(String rawJson) {
        Objects.requireNonNull(rawJson, "rawJson");
        MessageDigest digest = sha256();
        // streamed into the digest: the canonical text of a 1 MiB event is never held in memory
        try (Writer out = new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(), digest),
                StandardCharsets.UTF_8)) {
            PayloadFormatter.writeCanonical(rawJson, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventId(PREFIX + HEX.formatHex(digest.digest(), 0, DIGEST_BYTES));
    }

    /** A fresh random id for a {@code webhook.ping} delivery: {@code evt_ping_} + 32 hex chars. */
    public static EventId random() {
        return random(SECURE);
    }

    /** As {@link #random()}, with the randomness supplied (for tests). */
    public static EventId random(RandomGenerator random) {
        byte[] bytes = new byte[PING_RANDOM_BYTES];
        random.nextBytes(bytes);
        return new EventId(PING_PREFIX + HEX.formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every JVM", e);
        }
    }
}
