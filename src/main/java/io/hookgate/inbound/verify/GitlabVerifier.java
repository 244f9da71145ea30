package io.hookgate.inbound.verify;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.SourceKeys;
import io.hookgate.inbound.secret.SourceKeys.Candidate;
import io.hookgate.inbound.secret.SourceSecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;

/**
 * GitLab: {@code X-Gitlab-Token} equal to the secret. GitLab sends the token itself, not a signature, so the body
 * is not authenticated beyond TLS; the token is compared as SHA-256 digests of both sides, so neither its content
 * nor its length shows in the timing.
 *
 * <p>The event name comes from {@code X-Gitlab-Event}. The delivery id is {@code Idempotency-Key} when present
 * (GitLab 17.4+, stable across GitLab's retries and manual resends), else {@code X-Gitlab-Event-UUID}.
 */
public final class GitlabVerifier implements SourceVerifier {

    public static final String TOKEN_HEADER = "X-Gitlab-Token";
    public static final String EVENT_HEADER = "X-Gitlab-Event";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String EVENT_UUID_HEADER = "X-Gitlab-Event-UUID";

    private final Clock clock;

    GitlabVerifier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Verification verify(byte[] body, InboundHeaders headers, SourceKeys keys) {
        SourceVerifier.requireType(type(), keys);
        List<String> tokens = headers.all(TOKEN_HEADER);
        if (tokens.isEmpty() || tokens.size() == 1 && tokens.get(0).isEmpty()) {
            return new Verification.Rejected(RejectReason.MISSING_SIGNATURE);
        }
        if (tokens.size() > 1) {
            return new Verification.Rejected(RejectReason.BAD_SIGNATURE);
        }
        byte[] presented = SourceSecret.sha256(tokens.get(0).getBytes(StandardCharsets.UTF_8));
        for (Candidate key : keys.active(clock.instant())) {
            if (MessageDigest.isEqual(key.secret().textSha256(), presented)) {
                return HeaderIds.attach(Verification.Verified.by(key.slot()), headers, EVENT_HEADER,
                        List.of(IDEMPOTENCY_HEADER, EVENT_UUID_HEADER));
            }
        }
        return new Verification.Rejected(RejectReason.BAD_SIGNATURE);
    }

    @Override
    public SourceType type() {
        return SourceType.GITLAB;
    }
}
