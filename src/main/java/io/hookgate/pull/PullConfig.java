package io.hookgate.pull;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Pull subscriptions' reading side ({@code hookgate.pull.*}; SPEC 11). */
@ConfigMapping(prefix = "hookgate.pull")
public interface PullConfig {

    /** An idle stream sends a comment line this often, so proxies do not close it (1s to 5m). */
    @WithDefault("15s")
    Duration heartbeat();

    /**
     * Pull statements (reads, subscription lookups of pull calls) running at once on this replica; the rest wait in
     * memory, so the push path keeps the other connections of the pool (16). At least 1.
     */
    @WithDefault("4")
    int maxConcurrentStatements();
}
