package io.hookgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.support.GatewayProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Scenarios 2, 3 and 4: the gateway dies (SIGKILL), stops (SIGTERM), or one of two instances dies. */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class GatewayCrashReliabilityIT {

    static final int EVENTS = BaselineReliabilityIT.EVENTS;
    static final int RATE = 100;
    static final int PER_ENDPOINT = 8;
    static final int MAX_IN_FLIGHT = 512;
    static final int SUBSCRIPTIONS = 2;
    private static final Random RANDOM = new Random();

    @Test
    void threeKillsUnderLoadLoseNothingAndDuplicateAtMostTheInFlightCap() throws Exception {
        try (Scenario s = Scenario.start("2-gateway-kill-9-x3", Map.of(), SUBSCRIPTIONS)) {
            CompletableFuture<Void> load = produceInBackground(s);
            List<Long> killedAtDelivered = new ArrayList<>();
            for (int kill = 1; kill <= 3; kill++) {
                long target = (long) (EVENTS * SUBSCRIPTIONS * (kill * 0.2 + RANDOM.nextDouble() * 0.1));
                awaitDelivered(s, target);
                s.ledger.collect();
                killedAtDelivered.add(s.ledger.uniqueDelivered());
                s.gateway.kill();
                s.gateway.start();
            }
            load.get();
            boolean complete = s.ledger.awaitComplete(Duration.ofMinutes(4));
            int eventsDlq = s.drainDlqs();
            // Issue 6's bound: each crash repeats at most what was in flight (hookgate.delivery.max-in-flight).
            int cap = MAX_IN_FLIGHT;
            Figures f = s.ledger.figures(s.retriedAttemptsByError()).with("completed_in_time", complete).with("kills", 3)
                    .with("unique_delivered_at_each_kill", killedAtDelivered).with("max_in_flight", cap)
                    .with("http_concurrency", PER_ENDPOINT * SUBSCRIPTIONS)
                    .with("duplicate_bound", 3 * cap).with("chat_events_dlq", eventsDlq)
                    .with("duplicate_cause", "sent requests whose outcome was in flight or not yet flushed by the "
                            + "batched OutcomeWriter when the process died are re-sent after lease expiry");
            Verdict.record(f, soft -> {
                soft.assertThat(f.duplicates()).as("duplicates").isLessThanOrEqualTo(3L * cap);
                soft.assertThat(eventsDlq).as("chat.events.dlq records").isZero();
            });
        }
    }

    @Test
    void gracefulStopUnderLoadThenRestartLosesNothingAndDuplicatesNothing() throws Exception {
        try (Scenario s = Scenario.start("3-gateway-sigterm", Map.of(), SUBSCRIPTIONS)) {
            CompletableFuture<Void> load = produceInBackground(s);
            awaitDelivered(s, (long) (EVENTS * SUBSCRIPTIONS * 0.4));
            long before = System.nanoTime();
            s.gateway.stop();
            long stopMillis = (System.nanoTime() - before) / 1_000_000;
            s.ledger.collect();
            long atStop = s.ledger.uniqueDelivered();
            s.gateway.start();
            load.get();
            boolean complete = s.ledger.awaitComplete(Duration.ofMinutes(4));
            int eventsDlq = s.drainDlqs();
            Figures f = s.ledger.figures(s.retriedAttemptsByError()).with("completed_in_time", complete).with("unique_delivered_at_stop", atStop)
                    .with("graceful_stop_ms", stopMillis).with("chat_events_dlq", eventsDlq);
            Verdict.record(f, soft -> {
                soft.assertThat(f.duplicates()).as("duplicates").isZero();
                soft.assertThat(eventsDlq).as("chat.events.dlq records").isZero();
            });
        }
    }

    @Test
    void twoInstancesOneKilledLoseNothing() throws Exception {
        try (Scenario s = Scenario.start("4-two-instances-one-killed", Map.of(), SUBSCRIPTIONS)) {
            GatewayProcess peer = s.startPeer();
            CompletableFuture<Void> load = produceInBackground(s);
            awaitDelivered(s, (long) (EVENTS * SUBSCRIPTIONS * 0.4));
            s.ledger.collect();
            long atKill = s.ledger.uniqueDelivered();
            peer.kill();
            load.get();
            boolean complete = s.ledger.awaitComplete(Duration.ofMinutes(4));
            int eventsDlq = s.drainDlqs();
            long lag = awaitLagZero(s, Duration.ofSeconds(60));
            int cap = MAX_IN_FLIGHT;
            Figures f = s.ledger.figures(s.retriedAttemptsByError()).with("completed_in_time", complete).with("unique_delivered_at_kill", atKill)
                    .with("chat_events_dlq", eventsDlq).with("final_lag", lag).with("duplicate_bound", cap);
            Verdict.record(f, soft -> {
                soft.assertThat(f.duplicates()).as("duplicates").isLessThanOrEqualTo(cap);
                soft.assertThat(eventsDlq).as("chat.events.dlq records").isZero();
                soft.assertThat(lag).as("consumer lag").isZero();
            });
        }
    }

    static CompletableFuture<Void> produceInBackground(Scenario s) {
        return CompletableFuture.runAsync(() -> {
            try {
                s.produce(0, EVENTS, RATE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    static void awaitDelivered(Scenario s, long target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            s.ledger.collect();
            if (s.ledger.uniqueDelivered() >= target) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + target + " deliveries within 3 minutes");
    }

    static long awaitLagZero(Scenario s, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lag = s.lag();
        while (lag > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            lag = s.lag();
        }
        return lag;
    }
}
