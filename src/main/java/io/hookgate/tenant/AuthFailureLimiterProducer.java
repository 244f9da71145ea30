package io.hookgate.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the pure {@link AuthFailureLimiter} and {@link KeyCache} from configuration. */
@ApplicationScoped
public class AuthFailureLimiterProducer {

    @Produces
    @Singleton
    AuthFailureLimiter limiter(AuthConfig config, Clock clock) {
        return new AuthFailureLimiter(config.failureBurst(), config.failureRefill(), config.trackedClients(), clock);
    }

    @Produces
    @Singleton
    KeyCache keyCache(AuthConfig config, Clock clock) {
        return new KeyCache(clock, config.keyCacheTtl(), config.keyCacheSize());
    }
}
