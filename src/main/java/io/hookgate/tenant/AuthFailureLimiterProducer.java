package io.hookgate.tenant;

import io.quarkus.runtime.Startup;
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

    // built at startup: a bad key-cache-ttl must stop the start, not fail every request on a ready replica
    @Produces
    @Singleton
    @Startup
    KeyCache keyCache(AuthConfig config, Clock clock) {
        return new KeyCache(clock, config.keyCacheTtl(), config.keyCacheSize());
    }
}
