package io.hookgate.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.ops.WellKnownKeys;
import org.junit.jupiter.api.Test;

class DevOnlyKeyTest {

    @Test
    void theDevOnlyMasterKeyIsRefusedByPackagedRuns() {
        assertThat(WellKnownKeys.isPublishedMasterKey(MasterKeys.DEV_ONLY_KEY)).isTrue();
    }
}
