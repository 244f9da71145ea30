package io.hookgate.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.context.SmallRyeContextManager;
import io.smallrye.context.SmallRyeContextManagerProvider;
import org.eclipse.microprofile.context.ThreadContext;
import org.junit.jupiter.api.Test;

/**
 * Every Mutiny callback captures the contexts the context manager knows, and a held long-poll keeps about 30 such
 * captures alive while it waits (docs/BENCHMARKS.md, "Memory per held long-poll"). The JTA provider added a
 * transaction snapshot to each, for a gateway that never runs a JTA transaction; CDI must still propagate.
 */
@QuarkusTest
class HeldCallContextTest {

    @Test
    void mutinyCallbacksCaptureTheCdiContextButNoTransaction() {
        SmallRyeContextManager manager = SmallRyeContextManagerProvider.getManager();

        assertThat(manager.getAllProviderTypes()).contains(ThreadContext.CDI).doesNotContain(ThreadContext.TRANSACTION);
    }
}
