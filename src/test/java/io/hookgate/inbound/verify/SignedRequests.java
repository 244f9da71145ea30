package io.hookgate.inbound.verify;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.SourceKeys;
import io.hookgate.inbound.secret.SourceSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds correctly signed requests of every source type the way each sender does, with the JDK's {@link Mac}
 * directly, so the verifiers are checked against an independent implementation.
 */
final class SignedRequests {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String PLAIN_SECRET = "Zm9vYmFyLXNlY3JldC0wMTIzNDU2Nzg5LWFiY2RlZmc";
    static final String OTHER_PLAIN_SECRET = "another-secret_0123456789-ABCDEFGHIJK";
    static final String WHSEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String OTHER_WHSEC_SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

    /** webhook-queue style: sha512, base64, a custom header and prefix, a delivery-id header. */
    static final HmacConfig HMAC = new HmacConfig("X-Queue-Signature", HmacAlgorithm.SHA512,
            SignatureEncoding.BASE64, "hmac-sha512 ", Optional.of("X-Queue-Delivery"));

    private SignedRequests() {
    }

    static String secret(SourceType type) {
        return type == SourceType.STANDARD_WEBHOOKS ? WHSEC_SECRET : PLAIN_SECRET;
    }

    static String otherSecret(SourceType type) {
        return type == SourceType.STANDARD_WEBHOOKS ? OTHER_WHSEC_SECRET : OTHER_PLAIN_SECRET;
    }

    static SourceKeys keys(SourceType type, String secret) {
        return SourceKeys.of(SourceSecret.of(type, secret));
    }

    static SourceVerifier verifier(SourceType type) {
        return SourceVerifier.of(type, Optional.of(HMAC), CLOCK);
    }

    static SourceVerifier verifier(SourceType type, Clock clock) {
        return SourceVerifier.of(type, Optional.of(HMAC), clock);
    }

    /** The name of the header that carries the signature or token for {@code type}. */
    static String signatureHeader(SourceType type) {
        return switch (type) {
            case GITHUB -> "X-Hub-Signature-256";
            case GITLAB -> "X-Gitlab-Token";
            case STANDARD_WEBHOOKS -> "webhook-signature";
            case HMAC -> HMAC.header();
            case EVENTYAY -> "X-Eventyay-Signature";
        };
    }

    /** Alternating header names and values of a request the sender signed with {@code secret}. */
    static List<String> signed(SourceType type, String secret, byte[] body) {
        List<String> h = new ArrayList<>(List.of("Content-Type", "application/json"));
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        switch (type) {
            case GITHUB -> h.addAll(List.of("X-Hub-Signature-256", "sha256=" + hex("HmacSHA256", key, body),
                    "X-GitHub-Event", "push", "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958"));
            case GITLAB -> h.addAll(List.of("X-Gitlab-Token", secret, "X-Gitlab-Event", "Push Hook",
                    "Idempotency-Key", "908a6d9e-45fd-46c8-97e6-c4f350f219dd"));
            case STANDARD_WEBHOOKS -> h.addAll(standardWebhooks(secret, "msg_2Lh9KxRNo1S1hq", NOW.getEpochSecond(),
                    body));
            case HMAC -> h.addAll(List.of("X-Queue-Signature", "hmac-sha512 "
                    + Base64.getEncoder().encodeToString(mac("HmacSHA512", key, body)), "X-Queue-Delivery", "q-17"));
            case EVENTYAY -> h.addAll(List.of("X-Eventyay-Signature", "sha256=" + hex("HmacSHA256", key, body)));
        }
        return h;
    }

    static List<String> standardWebhooks(String whsecSecret, String id, long timestamp, byte[] body) {
        byte[] key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        String signature = "v1," + Base64.getEncoder().encodeToString(mac("HmacSHA256", key, signed));
        return List.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature);
    }

    static InboundHeaders headers(List<String> namesAndValues) {
        return InboundHeaders.of(namesAndValues.toArray(String[]::new));
    }

    /** {@code namesAndValues} without the header {@code name} (any case). */
    static List<String> without(List<String> namesAndValues, String name) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            if (!namesAndValues.get(i).equalsIgnoreCase(name)) {
                out.add(namesAndValues.get(i));
                out.add(namesAndValues.get(i + 1));
            }
        }
        return out;
    }

    /** {@code namesAndValues} with the value of {@code name} replaced. */
    static List<String> with(List<String> namesAndValues, String name, String value) {
        List<String> out = without(namesAndValues, name);
        out.add(name);
        out.add(value);
        return out;
    }

    /** The value of {@code name} in {@code namesAndValues}. */
    static String value(List<String> namesAndValues, String name) {
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            if (namesAndValues.get(i).equalsIgnoreCase(name)) {
                return namesAndValues.get(i + 1);
            }
        }
        throw new IllegalArgumentException("no header " + name);
    }

    static String hex(String algorithm, byte[] key, byte[] body) {
        return HexFormat.of().formatHex(mac(algorithm, key, body));
    }

    static byte[] mac(String algorithm, byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
