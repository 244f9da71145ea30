package io.hookgate.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long finished deliveries are kept, and how retention deletes them ({@code hookgate.retention.*}; SPEC 10). */
@ConfigMapping(prefix = "hookgate.retention")
public interface RetentionConfig {

    /** Delete old rows at all; off only for a database some other tool prunes. */
    @WithDefault("true")
    boolean enabled();

    /** Delivered deliveries, with their attempts, are deleted this long after delivery. */
    @WithDefault("7d")
    Duration delivered();

    /**
     * Failed deliveries, with their attempts, are deleted this long after their last attempt (never while their
     * dead letter is still in the outbox). Events go once no delivery refers to them.
     */
    @WithDefault("30d")
    Duration failed();

    /** Rows per delete statement: small enough that no statement holds its row locks for long. */
    @WithDefault("500")
    int batchSize();

    /** Pause between purge rounds; within a round, each batch is followed by a pause as long as the batch took. */
    @WithDefault("1m")
    Duration interval();
}
