package io.hookgate.challenge;

import io.hookgate.egress.EgressCallException;
import io.hookgate.egress.EgressDeniedException;
import io.hookgate.egress.EgressGuard;
import io.hookgate.egress.HttpResult;
import io.hookgate.egress.PinnedHttpClient;
import io.hookgate.egress.PinnedTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Proves that whoever registers a URL controls it: {@code GET <url>?challenge=<token>} through the egress
 * guard, passing only if the receiver echoes the token (SPEC section 6). Redirects are never followed.
 */
@ApplicationScoped
public class ChallengeHandshake {

    /** The response is read up to this many bytes; an echo of a 43-character token needs far less. */
    static final int MAX_RESPONSE_BYTES = 4 * 1024;
    static final String PARAMETER = "challenge";

    private static final Logger LOG = Logger.getLogger(ChallengeHandshake.class);

    private final EgressGuard guard;
    private final PinnedHttpClient client;
    private final ChallengeConfig config;
    private final RandomGenerator random;
    private final String userAgent;

    @Inject
    public ChallengeHandshake(EgressGuard guard, PinnedHttpClient client, ChallengeConfig config,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this(guard, client, config, new SecureRandom(), "Hookgate/" + version);
    }

    ChallengeHandshake(EgressGuard guard, PinnedHttpClient client, ChallengeConfig config, RandomGenerator random,
            String userAgent) {
        this.guard = guard;
        this.client = client;
        this.config = config;
        this.random = random;
        this.userAgent = userAgent;
    }

    /** Completes when the receiver echoed the token; fails with {@link ChallengeFailedException} otherwise. */
    public Uni<Void> verify(String url) {
        return guard.check(url)
                .onItem().transformToUni(this::verify)
                .onFailure(e -> !(e instanceof ChallengeFailedException))
                .transform(ChallengeHandshake::reasonFor);
    }

    /** Runs the handshake against a target the egress guard has already checked and pinned. */
    public Uni<Void> verify(PinnedTarget target) {
        String token = ChallengeToken.generate(random);
        return send(target, token)
                .onItem().invoke(result -> judge(result, token))
                .onFailure(e -> !(e instanceof ChallengeFailedException))
                .transform(ChallengeHandshake::reasonFor)
                .onFailure().invoke(e -> LOG.debugf("challenge failed: %s", e.getMessage()))
                .replaceWithVoid();
    }

    private Uni<HttpResult> send(PinnedTarget target, String token) {
        PinnedTarget withToken = new PinnedTarget(target.url().withQueryParam(PARAMETER, token), target.address());
        Map<String, String> headers = Map.of("user-agent", userAgent, "accept", "application/json, text/plain");
        return client.send(withToken, HttpMethod.GET, headers, null, config.timeout(), MAX_RESPONSE_BYTES);
    }

    private static void judge(HttpResult result, String token) {
        String contentType = result.headers().get("content-type");
        ChallengeResponseCheck.failure(result.status(), contentType, result.bodyPrefix(), token)
                .ifPresent(reason -> {
                    throw new ChallengeFailedException(reason);
                });
    }

    private static ChallengeFailedException reasonFor(Throwable failure) {
        if (failure instanceof EgressDeniedException) {
            return new ChallengeFailedException("egress_denied");
        }
        if (failure instanceof EgressCallException call) {
            return new ChallengeFailedException(callReason(call.code()));
        }
        LOG.warnf("challenge aborted by an unexpected %s", failure.getClass().getSimpleName());
        return new ChallengeFailedException("connection_error");
    }

    /** The challenge reason code for a failed call: a few are worth telling apart, the rest are connection errors. */
    public static String callReason(String egressReason) {
        return switch (egressReason) {
            case "timeout" -> "timeout";
            case "connection_refused" -> "connection_refused";
            case "tls_error" -> "tls_error";
            case "dns_failure" -> "dns_failure";
            default -> "connection_error";
        };
    }
}
