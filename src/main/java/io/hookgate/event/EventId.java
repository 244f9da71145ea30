package io.hookgate.event;

import java.nio.charset.StandardCharsets;
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
 * <p>Chat event ids are derived from ({@code channel}, canonical {@code message_id}) only, so the same
 * event gets the same id across retries, redeliveries and re-consumption. The integer {@code 4711} and
 * the string {@code "4711"} share one canonical form, because a producer may switch representation
 * (e.g. after a schema or serializer change) and a re-sent event must still deduplicate.
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
     * Deterministic id: {@code "evt_"} + hex of the first 20 bytes of
     * SHA-256(UTF-8(channel + U+0000 + messageId)). Unambiguous because channels never contain U+0000.
     *
     * @param channel the channel id (no control characters, as validated by the parser)
     * @param canonicalMessageId the canonical message id, see {@link ChatEvent#messageId()}
     */
    public static EventId of(String channel, String canonicalMessageId) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(canonicalMessageId, "canonicalMessageId");
        byte[] digest = sha256().digest((channel + '\u0000' + canonicalMessageId).getBytes(StandardCharsets.UTF_8));
        return new EventId(PREFIX + HEX.formatHex(digest, 0, DIGEST_BYTES));
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
