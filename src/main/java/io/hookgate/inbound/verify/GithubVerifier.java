package io.hookgate.inbound.verify;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.SourceKeys;
import java.time.Clock;
import java.util.List;

/**
 * GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret UTF-8 bytes, body)>}; the event name from
 * {@code X-GitHub-Event}, the delivery id from {@code X-GitHub-Delivery}. The legacy SHA-1 {@code X-Hub-Signature}
 * is never accepted.
 */
public final class GithubVerifier implements SourceVerifier {

    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    public static final String EVENT_HEADER = "X-GitHub-Event";
    public static final String DELIVERY_HEADER = "X-GitHub-Delivery";

    private static final HeaderSignature SIGNATURE =
            new HeaderSignature(SIGNATURE_HEADER, HmacAlgorithm.SHA256, SignatureEncoding.HEX, "sha256=");

    private final Clock clock;

    GithubVerifier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Verification verify(byte[] body, InboundHeaders headers, SourceKeys keys) {
        SourceVerifier.requireType(type(), keys);
        Verification result = SIGNATURE.check(body, headers, keys.active(clock.instant()));
        return result instanceof Verification.Verified ok
                ? HeaderIds.attach(ok, headers, EVENT_HEADER, List.of(DELIVERY_HEADER))
                : result;
    }

    @Override
    public SourceType type() {
        return SourceType.GITHUB;
    }
}
