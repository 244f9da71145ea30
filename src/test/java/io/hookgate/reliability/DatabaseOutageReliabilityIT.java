package io.hookgate.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Scenario 6: PostgreSQL crashes (stop -m immediate) for 30 s under load, then comes back. */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class DatabaseOutageReliabilityIT {

    static final int EVENTS = BaselineReliabilityIT.EVENTS;
    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

    @Test
    void postgresOutageLosesNothingKeepsLivenessAndDrainsTheBacklog() throws Exception {
        try (Scenario s = Scenario.start("6-postgres-stopped-30s", Map.of(), 2);
                LivenessProbe live = new LivenessProbe(s.gateway.managementUrl())) {
            CompletableFuture<Void> load = GatewayCrashReliabilityIT.produceInBackground(s);
            GatewayCrashReliabilityIT.awaitDelivered(s, EVENTS * 2 / 5);
            try {
                Faults.stopPostgresImmediately();
                Thread.sleep(OUTAGE.toMillis());
            } finally {
                Faults.startPostgres();
            }
            long back = System.nanoTime();
            load.get();
            boolean complete = s.ledger.awaitComplete(Duration.ofMinutes(3));
            long drainMillis = (System.nanoTime() - back) / 1_000_000;
            int eventsDlq = s.drainDlqs();
            long lag = GatewayCrashReliabilityIT.awaitLagZero(s, Duration.ofSeconds(60));
            live.close();
            Figures f = s.ledger.figures(s.retriedAttemptsByError()).with("completed_in_time", complete).with("outage_s", OUTAGE.toSeconds())
                    .with("backlog_drained_ms_after_restart", drainMillis).with("chat_events_dlq", eventsDlq)
                    .with("liveness_polls", live.polls()).with("liveness_not_up", live.down())
                    .with("liveness_last_failure", live.lastFailure()).with("final_lag", lag)
                    .with("duplicate_cause", "deliveries sent while their outcome could not be stored are re-sent");
            Verdict.record(f, soft -> {
                soft.assertThat(eventsDlq).as("valid records in chat.events.dlq").isZero();
                soft.assertThat(live.down()).as("liveness answers other than 200 UP").isZero();
                soft.assertThat(drainMillis).as("backlog drained (ms after restart)").isLessThanOrEqualTo(DRAIN_LIMIT.toMillis());
                soft.assertThat(lag).as("consumer lag").isZero();
            });
        }
    }
}
