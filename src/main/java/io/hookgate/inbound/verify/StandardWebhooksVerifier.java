package io.hookgate.inbound.verify;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.KeySlot;
import io.hookgate.inbound.secret.SourceKeys;
import io.hookgate.inbound.secret.SourceKeys.Candidate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Standard Webhooks: {@code webhook-signature} holds space-separated {@code v1,<base64 HMAC-SHA256(key,
 * "<webhook-id>.<webhook-timestamp>.<body>")>} entries, any one of which may match; the key is the decoded
 * {@code whsec_} secret. The timestamp must be within {@link #TOLERANCE} of now, either way. The signature is
 * checked before the timestamp, so {@code stale_timestamp} always means an authentic but old (or replayed) request.
 * The delivery id is {@code webhook-id}; the event name lives in the body's {@code type}, not in a header.
 */
public final class StandardWebhooksVerifier implements SourceVerifier {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    /** How far {@code webhook-timestamp} may be from now, in both directions. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** Entries looked at in one header; bounds the work an unauthenticated request can cause. */
    static final int MAX_SIGNATURES = 32;
    // 15 digits reach year 33658: no overflow, and no sign, spaces or fractions
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,15}");
    private static final Pattern SPACE = Pattern.compile(" ");

    private final Clock clock;

    StandardWebhooksVerifier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Verification verify(byte[] body, InboundHeaders headers, SourceKeys keys) {
        SourceVerifier.requireType(type(), keys);
        List<String> signatures = headers.all(SIGNATURE_HEADER);
        List<String> ids = headers.all(ID_HEADER);
        List<String> timestamps = headers.all(TIMESTAMP_HEADER);
        if (signatures.isEmpty() || signatures.size() == 1 && signatures.get(0).isEmpty()) {
            return new Verification.Rejected(RejectReason.MISSING_SIGNATURE);
        }
        if (signatures.size() > 1 || ids.size() > 1 || timestamps.size() > 1) {
            return new Verification.Rejected(RejectReason.BAD_SIGNATURE);
        }
        if (ids.isEmpty() || ids.get(0).isEmpty() || timestamps.isEmpty() || timestamps.get(0).isEmpty()) {
            return new Verification.Rejected(RejectReason.MISSING_HEADER);
        }
        String id = ids.get(0);
        String timestamp = timestamps.get(0);
        if (!SECONDS.matcher(timestamp).matches()) {
            return new Verification.Rejected(RejectReason.BAD_TIMESTAMP);
        }
        Instant now = clock.instant();
        byte[] signedPrefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        Optional<KeySlot> slot = match(signatures.get(0), signedPrefix, body, keys.active(now));
        if (slot.isEmpty()) {
            return new Verification.Rejected(RejectReason.BAD_SIGNATURE);
        }
        if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE.toSeconds()) {
            return new Verification.Rejected(RejectReason.STALE_TIMESTAMP);
        }
        return HeaderIds.attach(Verification.Verified.by(slot.get()), headers, null, List.of(ID_HEADER));
    }

    /** The slot of the first key (current before previous) matching any {@code v1} entry of {@code header}. */
    private static Optional<KeySlot> match(String header, byte[] signedPrefix, byte[] body, List<Candidate> keys) {
        List<byte[]> presented = v1Signatures(header);
        for (Candidate key : keys) {
            byte[] expected = HmacAlgorithm.SHA256.mac(key.secret().hmacKey(), signedPrefix, body);
            for (byte[] candidate : presented) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return Optional.of(key.slot());
                }
            }
        }
        return Optional.empty();
    }

    /** The decodable {@code v1,<base64>} entries, at most {@link #MAX_SIGNATURES}; other versions are skipped. */
    private static List<byte[]> v1Signatures(String header) {
        return SPACE.splitAsStream(header)
                .filter(entry -> entry.startsWith("v1,"))
                .limit(MAX_SIGNATURES)
                .map(entry -> SignatureEncoding.BASE64.decode(entry.substring(3)))
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public SourceType type() {
        return SourceType.STANDARD_WEBHOOKS;
    }
}
