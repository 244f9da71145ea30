package io.hookgate.reliability;

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
        // The shared routine resumes in a finally, so the broker is never left stopped.
        BrokerOutageReliabilityIT.outageUnderLoad("5-kafka-broker-paused-12s", Faults::pauseKafka, Faults::resumeKafka);
    }
}
