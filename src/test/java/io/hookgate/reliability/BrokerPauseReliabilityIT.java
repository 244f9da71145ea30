package io.hookgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Scenario 5 (pause variant): the Kafka broker is SIGSTOPped for 12 s under load, then SIGCONTed. Unlike a kill,
 * its connections stay open and silent, so clients see timeouts instead of resets.
 */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class BrokerPauseReliabilityIT {

    @Test
    void pausedBrokerLosesNothingNeedsNoGatewayRestartAndLagReturnsToZero() throws Exception {
        BrokerOutageReliabilityIT.outageUnderLoad("5-kafka-broker-paused-12s", BrokerPauseReliabilityIT::pause,
                BrokerPauseReliabilityIT::resume);
    }

    private static void pause() throws Exception {
        Faults.pauseKafka();
        assertThat(Faults.kafkaPaused()).as("broker stopped by SIGSTOP").isTrue();
    }

    // The scenario's finally runs this even when the pause or the load failed: the broker is never left stopped.
    private static void resume() throws Exception {
        Faults.resumeKafka();
        assertThat(Faults.kafkaPaused()).as("broker running again after SIGCONT").isFalse();
    }
}
