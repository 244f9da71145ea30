package io.hookgate.subscription;

import io.hookgate.challenge.ChallengeFailedException;
import io.hookgate.challenge.ChallengeHandshake;
import io.hookgate.egress.EgressCallException;
import io.hookgate.egress.EgressDeniedException;
import io.hookgate.egress.EgressGuard;
import io.hookgate.api.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Registration-time checks of a receiver URL: the egress guard, then the challenge handshake on the
 * address the guard pinned. Failures become 422 problems whose detail is only a reason code.
 */
@ApplicationScoped
public class EndpointVerifier {

    private final EgressGuard guard;
    private final ChallengeHandshake handshake;

    public EndpointVerifier(EgressGuard guard, ChallengeHandshake handshake) {
        this.guard = guard;
        this.handshake = handshake;
    }

    /**
     * Completes when the URL is allowed and its receiver echoed the challenge. A policy refusal is an egress
     * denial; a name that does not resolve is a failed challenge ({@code dns_failure}), not an attack.
     */
    public Uni<Void> verify(String url) {
        return guard.check(url)
                .onFailure(EgressDeniedException.class)
                .transform(e -> egressDenied(((EgressDeniedException) e).code()))
                .onFailure(EgressCallException.class)
                .transform(e -> challengeFailed(ChallengeHandshake.callReason(((EgressCallException) e).code())))
                .onItem().transformToUni(handshake::verify)
                .onFailure(ChallengeFailedException.class)
                .transform(e -> challengeFailed(((ChallengeFailedException) e).reason()));
    }

    static ProblemException egressDenied(String reason) {
        return new ProblemException(422, "egress-denied", "Egress Denied", reason);
    }

    static ProblemException challengeFailed(String reason) {
        return new ProblemException(422, "challenge-failed", "Challenge Failed", reason);
    }
}
