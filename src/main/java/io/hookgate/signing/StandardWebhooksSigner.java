package io.hookgate.signing;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Computes the {@code webhook-signature} header exactly as the Standard Webhooks specification defines it.
 *
 * <p>Each signature is {@code v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>." + body)>}; during a rotation
 * overlap the signatures of all keys are joined by single spaces, newest first.
 */
@Singleton
public class StandardWebhooksSigner {

    /** Header carrying the message id, stable across attempts. */
    public static final String ID_HEADER = "webhook-id";
    /** Header carrying the attempt's unix timestamp in seconds. */
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    /** Header carrying the space-separated signatures. */
    public static final String SIGNATURE_HEADER = "webhook-signature";

    /**
     * The {@code webhook-signature} value for one delivery attempt.
     *
     * @param msgId the {@code webhook-id} header value
     * @param timestampSeconds the {@code webhook-timestamp} header value (unix seconds)
     * @param body the exact bytes sent; they are signed as-is, never decoded or re-encoded
     * @param keysNewestFirst the current secret first, then the previous one while its overlap lasts
     */
    public String signatureHeader(
            String msgId, long timestampSeconds, byte[] body, List<WebhookSecret> keysNewestFirst) {
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(body, "body");
        if (msgId.isEmpty()) {
            throw new IllegalArgumentException("msgId must not be empty");
        }
        if (timestampSeconds < 0) {
            throw new IllegalArgumentException("timestampSeconds must not be negative");
        }
        if (keysNewestFirst == null || keysNewestFirst.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is required");
        }
        byte[] prefix = (msgId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder(keysNewestFirst.size() * 48);
        for (WebhookSecret key : keysNewestFirst) {
            if (header.length() > 0) {
                header.append(' ');
            }
            byte[] mac = HmacSha256.mac(key.keyBytesUnsafe(), prefix, body);
            header.append("v1,").append(Base64.getEncoder().encodeToString(mac));
        }
        return header.toString();
    }
}
