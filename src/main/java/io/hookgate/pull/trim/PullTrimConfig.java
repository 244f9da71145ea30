package io.hookgate.pull.trim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How pull messages beyond their subscription's retention are deleted ({@code hookgate.pull.trim.*}; SPEC 11). */
@ConfigMapping(prefix = "hookgate.pull.trim")
public interface PullTrimConfig {

    /** Pause between trim rounds; SPEC 11 wants a limit applied within 10 s, so at most 9s. */
    @WithDefault("5s")
    Duration interval();

    /** Pull messages per delete statement: small enough that no statement holds its row locks for long. */
    @WithDefault("1000")
    int batchSize();

    /** Statements per subscription and round at most, so one huge backlog cannot hold the round up. */
    @WithDefault("20")
    int maxBatchesPerRound();
}
