package io.hookgate.inbound.verify;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.SourceKeys;
import java.time.Clock;
import java.util.List;

/**
 * {@code hmac}: a configurable header holding {@code <prefix><hex or base64 HMAC-SHA256/512(secret UTF-8 bytes,
 * body)>}; the delivery id from the configured {@code delivery_id_header}, if any. No event header: the envelope's
 * {@code event} stays null.
 */
public final class HmacVerifier implements SourceVerifier {

    private final HmacConfig config;
    private final HeaderSignature signature;
    private final Clock clock;

    HmacVerifier(HmacConfig config, Clock clock) {
        this.config = config;
        this.signature = config.signature();
        this.clock = clock;
    }

    @Override
    public Verification verify(byte[] body, InboundHeaders headers, SourceKeys keys) {
        SourceVerifier.requireType(type(), keys);
        Verification result = signature.check(body, headers, keys.active(clock.instant()));
        if (result instanceof Verification.Verified ok) {
            return HeaderIds.attach(ok, headers, null, config.deliveryIdHeader().map(List::of).orElse(List.of()));
        }
        return result;
    }

    @Override
    public SourceType type() {
        return SourceType.HMAC;
    }
}
