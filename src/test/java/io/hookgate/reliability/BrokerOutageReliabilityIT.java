package io.hookgate.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Scenario 5 (kill variant): the Kafka broker is SIGKILLed for 12 s under load, then restarted. */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class BrokerOutageReliabilityIT {

    static final int EVENTS = BaselineReliabilityIT.EVENTS;
    static final Duration OUTAGE = Duration.ofSeconds(12);

    /** A broker fault or its repair; may throw like the process calls behind it. */
    interface BrokerAction {
        void run() throws Exception;
    }

    @Test
    void killedBrokerLosesNothingNeedsNoGatewayRestartAndLagReturnsToZero() throws Exception {
        outageUnderLoad("5-kafka-broker-killed-12s", Faults::killKafka, Faults::restartKafka);
    }

    /** Shared by both scenario 5 variants: same load, same outage length, same checks. */
    static void outageUnderLoad(String name, BrokerAction fault, BrokerAction repair) throws Exception {
        try (Scenario s = Scenario.start(name, Map.of(), 2);
                LivenessProbe live = new LivenessProbe(s.gateway.managementUrl())) {
            CompletableFuture<Void> load = GatewayCrashReliabilityIT.produceInBackground(s);
            GatewayCrashReliabilityIT.awaitDelivered(s, EVENTS * 2 / 5);
            s.ledger.collect();
            long atFault = s.ledger.uniqueDelivered();
            try {
                fault.run();
                Thread.sleep(OUTAGE.toMillis());
            } finally {
                repair.run();
            }
            long back = System.nanoTime();
            load.get();
            boolean complete = s.ledger.awaitComplete(Duration.ofMinutes(4));
            long recoveredMillis = (System.nanoTime() - back) / 1_000_000;
            int eventsDlq = s.drainDlqs();
            long lag = GatewayCrashReliabilityIT.awaitLagZero(s, Duration.ofSeconds(90));
            live.close();
            Figures f = s.ledger.figures(s.retriedAttemptsByError()).with("completed_in_time", complete)
                    .with("outage_s", OUTAGE.toSeconds()).with("unique_delivered_at_fault", atFault)
                    .with("all_delivered_ms_after_repair", recoveredMillis).with("chat_events_dlq", eventsDlq)
                    .with("final_lag", lag).with("gateway_restarts", 0).with("liveness_polls", live.polls())
                    .with("liveness_not_up", live.down()).with("liveness_last_failure", live.lastFailure());
            Verdict.record(f, soft -> {
                soft.assertThat(eventsDlq).as("valid records in chat.events.dlq").isZero();
                soft.assertThat(lag).as("consumer lag after recovery").isZero();
                soft.assertThat(live.down()).as("liveness answers other than 200 UP (gateway never restarted)").isZero();
            });
        }
    }
}
