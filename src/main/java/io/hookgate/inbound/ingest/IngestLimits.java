package io.hookgate.inbound.ingest;

import io.hookgate.inbound.InboundConfig;
import io.hookgate.tenant.AuthFailureLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Token buckets per client address and per source (in this replica's memory): each request takes one token, a
 * refill of the configured rate per second, a burst of the same size. Reuses the pure bucket of the failed-auth
 * limiter, where every request counts as a "failure".
 */
@ApplicationScoped
public class IngestLimits {

    private final AuthFailureLimiter perClient;
    private final AuthFailureLimiter perSource;

    @Inject
    public IngestLimits(InboundConfig config, Clock clock) {
        this(config.perClientPerSecond(), config.perSourcePerSecond(), config.trackedKeys(), clock);
    }

    IngestLimits(int clientRate, int sourceRate, int tracked, Clock clock) {
        this.perClient = new AuthFailureLimiter(clientRate, Duration.ofSeconds(1), tracked, clock);
        this.perSource = new AuthFailureLimiter(sourceRate, Duration.ofSeconds(1), tracked, clock);
    }

    /** Takes a token of the client's bucket; false when it is empty. */
    public boolean tryClient(String client) {
        return take(perClient, client);
    }

    /** Takes a token of the source's bucket; false when it is empty. */
    public boolean trySource(String sourceId) {
        return take(perSource, sourceId);
    }

    /** Forgets every bucket; for tests. */
    public void clear() {
        perClient.clear();
        perSource.clear();
    }

    private static boolean take(AuthFailureLimiter limiter, String key) {
        if (limiter.blockedFor(key).isPresent()) {
            return false;
        }
        limiter.recordFailure(key);
        return true;
    }
}
