package io.hookgate.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox of dead letters and operational events ({@code hookgate.outbox.*}). */
@ConfigMapping(prefix = "hookgate.outbox")
public interface OutboxConfig {

    /** How often a replica looks for rows that no wake-up announced (written by others, left by a crash). */
    @WithDefault("5s")
    Duration pollInterval();

    /** Rows claimed per round; a full round is followed by the next at once, so every due row is reached. */
    @WithDefault("200")
    int batchSize();

    /** How long a claimed row stays with a replica; another replica retries it after a crash. Above the send timeouts. */
    @WithDefault("5m")
    Duration lease();

    /**
     * Sends the broker refuses for the record itself (too large, unserialisable) or that cannot be rendered,
     * before the row is parked. Broker outages, missing topics and ACLs never count: they are waited out.
     */
    @WithDefault("5")
    int maxAttempts();
}
