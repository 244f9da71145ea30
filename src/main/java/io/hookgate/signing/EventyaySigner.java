package io.hookgate.signing;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Computes the {@code X-Eventyay-Signature} header: {@code sha256=<lowercase hex HMAC-SHA256(secret text, body)>}.
 *
 * <p>The key is the UTF-8 bytes of the whole secret text, {@code whsec_} prefix included, because existing
 * eventyay receivers store the secret as text and HMAC with its bytes.
 */
@Singleton
public class EventyaySigner {

    /** Header name, as eventyay receivers expect it. */
    public static final String HEADER = "X-Eventyay-Signature";

    private static final HexFormat HEX = HexFormat.of();

    /** The {@code X-Eventyay-Signature} value for {@code body}, signed with the current secret only. */
    public String header(WebhookSecret current, byte[] body) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(body, "body");
        byte[] mac = HmacSha256.mac(current.text().getBytes(StandardCharsets.UTF_8), body);
        return "sha256=" + HEX.formatHex(mac);
    }
}
