package io.hookgate.inbound.verify;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.SourceKeys;
import java.time.Clock;
import java.util.List;

/**
 * eventyay: {@code X-Eventyay-Signature: sha256=<hex HMAC-SHA256(UTF-8 bytes of the secret string, body)>}, the
 * same header Hookgate itself sends to eventyay receivers. The request carries no event or delivery header: the
 * body is a chat event (contract section 2), deduplicated through its event id.
 */
public final class EventyayVerifier implements SourceVerifier {

    public static final String SIGNATURE_HEADER = "X-Eventyay-Signature";

    private static final HeaderSignature SIGNATURE =
            new HeaderSignature(SIGNATURE_HEADER, HmacAlgorithm.SHA256, SignatureEncoding.HEX, "sha256=");

    private final Clock clock;

    EventyayVerifier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Verification verify(byte[] body, InboundHeaders headers, SourceKeys keys) {
        SourceVerifier.requireType(type(), keys);
        Verification result = SIGNATURE.check(body, headers, keys.active(clock.instant()));
        return result instanceof Verification.Verified ok ? HeaderIds.attach(ok, headers, null, List.of()) : result;
    }

    @Override
    public SourceType type() {
        return SourceType.EVENTYAY;
    }
}
