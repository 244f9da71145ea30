package io.hookgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Scenario 1: all receivers healthy. Throughput from a burst, end-to-end latency from a paced phase. */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class BaselineReliabilityIT {

    static final int EVENTS = Integer.getInteger("hookgate.reliability.events", 1500);
    static final int PACED = 400;
    static final int PACED_RATE = 20;

    @Test
    void healthyReceiversGetEveryEventExactlyOnce() throws Exception {
        try (Scenario s = Scenario.start("1-baseline", Map.of(), 2)) {
            s.produce(0, EVENTS, 0);
            assertThat(s.ledger.awaitComplete(Duration.ofMinutes(4))).as("burst delivered").isTrue();
            Figures burst = s.ledger.figures();
            s.produce(EVENTS, EVENTS + PACED, PACED_RATE);
            boolean complete = s.ledger.awaitComplete(Duration.ofMinutes(2));
            int eventsDlq = s.drainDlqs();
            List<Long> paced = s.ledger.latenciesFrom(EVENTS);
            Figures f = s.ledger.figures();
            f = new Figures(f.scenario(), f.expected(), f.received(), f.uniqueDelivered(), f.deadLettered(),
                    f.invalidSignatures(), f.verified(), burst.deliveriesPerSecond(), Ledger.percentile(paced, 50),
                    Ledger.percentile(paced, 99), f.notes())
                    .with("throughput_from", EVENTS + " events x 2 subscriptions produced at once")
                    .with("latency_from", PACED + " events x 2 subscriptions paced at " + PACED_RATE + " events/s")
                    .with("burst_e2e_p50_ms", burst.p50Millis()).with("burst_e2e_p99_ms", burst.p99Millis())
                    .with("chat_events_dlq", eventsDlq);
            Figures checked = f.with("completed_in_time", complete);
            Verdict.record(checked, soft -> {
                soft.assertThat(checked.duplicates()).as("duplicates").isZero();
                soft.assertThat(checked.deadLettered()).as("dead-lettered").isZero();
                soft.assertThat(eventsDlq).as("chat.events.dlq records").isZero();
            });
        }
    }
}
