package io.hookgate.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Kafka intake settings; the consumer channel reads these through application.properties. */
@ConfigMapping(prefix = "hookgate.intake")
public interface IntakeConfig {

    /** Consumer group shared by every replica; a new group starts from the earliest offset. */
    @WithDefault("hookgate")
    String groupId();

    /**
     * Kafka batches processed at once per replica: the next batch is parsed and stored while the previous
     * one commits, which shortens the time records wait under load. 1 processes strictly one at a time.
     */
    @WithDefault("2")
    int batchesInFlight();

    /**
     * A Kafka batch still not stored (and dead-lettered) after this long turns {@code /q/health/ready} DOWN, so a
     * replica that cannot store while PostgreSQL still answers its health check (a full disk, a lost grant) shows
     * up, and a rollout onto it stops. Liveness never depends on it. 0 disables the check.
     */
    @WithDefault("2m")
    Duration stallThreshold();
}
