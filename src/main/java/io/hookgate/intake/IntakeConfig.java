package io.hookgate.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
