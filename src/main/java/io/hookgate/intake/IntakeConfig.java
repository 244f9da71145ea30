package io.hookgate.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Kafka intake settings; the consumer channel reads these through application.properties. */
@ConfigMapping(prefix = "hookgate.intake")
public interface IntakeConfig {

    /** Consumer group shared by every replica; a new group starts from the earliest offset. */
    @WithDefault("hookgate")
    String groupId();
}
