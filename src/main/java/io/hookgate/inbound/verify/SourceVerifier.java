package io.hookgate.inbound.verify;

import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.secret.SourceKeys;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies one inbound request of one source type on its raw body bytes, before anything parses them.
 *
 * <p>Implementations are stateless apart from their {@link Clock} (for key expiry and timestamp tolerance),
 * thread-safe, and never throw for any body or headers.
 */
public sealed interface SourceVerifier
        permits GithubVerifier, GitlabVerifier, StandardWebhooksVerifier, HmacVerifier, EventyayVerifier {

    /**
     * Checks {@code body} and {@code headers} against the source's current secret and, until it expires, the
     * previous one.
     */
    Verification verify(byte[] body, InboundHeaders headers, SourceKeys keys);

    /** The source type this verifier serves. */
    SourceType type();

    /**
     * The verifier for a source of {@code type}.
     *
     * @param hmac the source's {@code hmac} config: required for {@code hmac} sources, ignored otherwise
     */
    static SourceVerifier of(SourceType type, Optional<HmacConfig> hmac, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return switch (type) {
            case GITHUB -> new GithubVerifier(clock);
            case GITLAB -> new GitlabVerifier(clock);
            case STANDARD_WEBHOOKS -> new StandardWebhooksVerifier(clock);
            case HMAC -> new HmacVerifier(hmac.orElseThrow(
                    () -> new IllegalArgumentException("an hmac source needs its hmac config")), clock);
            case EVENTYAY -> new EventyayVerifier(clock);
        };
    }

    /** Guards against verifying with another type's secrets (a wiring error, never a request's fault). */
    static void requireType(SourceType expected, SourceKeys keys) {
        if (keys.current().type() != expected) {
            throw new IllegalArgumentException("keys of a " + keys.current().type().wire()
                    + " source given to the " + expected.wire() + " verifier");
        }
    }
}
