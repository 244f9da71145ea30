package io.hookgate.reliability;

import io.hookgate.support.PullClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Scenario 16: a pull subscription read by a named consumer that commits after each page, while the gateway is
 * killed (SIGKILL) during reads and fan-out and restarted. Every produced event is read at least once
 * (lost = 0) and every read message verifies with the official Standard Webhooks library.
 */
@EnabledIfSystemProperty(named = "hookgate.reliability", matches = "true")
class PullCrashReliabilityIT {

    static final int EVENTS = Integer.getInteger("hookgate.reliability.pull.events", 1000);
    static final int RATE = 200;
    static final String CONSUMER = "reader";

    @Test
    void aKillDuringReadsAndFanOutLosesNoPulledMessage() throws Exception {
        try (Scenario s = Scenario.start("16-pull-kill-9", Map.of(), 0)) {
            PullClient api = new PullClient(s.gateway.baseUrl(), s.tenantKey());
            String[] created = api.createSubscription(s.ledger.rooms());
            Reader reader = new Reader(api, created[0], created[1]);
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> produce(s));
            Thread thread = new Thread(reader::run, "pull-reader");
            thread.start();
            // mid-run: events are still being fanned out and the reader is mid-page; one kill keeps CI under 60 s
            awaitRead(reader, EVENTS * 2L / 5, Duration.ofSeconds(60));
            s.gateway.kill();
            s.gateway.start();
            load.get();
            boolean complete = awaitRead(reader, EVENTS, Duration.ofSeconds(60));
            reader.stop(thread);
            long unique = reader.unique();
            Figures f = new Figures(s.name, EVENTS, reader.received.get(), unique, 0, reader.invalid.get(),
                    reader.verified.get(), 0, 0, 0, Map.of()).with("completed_in_time", complete).with("kills", 1)
                    .with("read_errors_retried", reader.errors.get()).with("mode", "pull, named consumer, commit per page")
                    .with("duplicate_cause", "pages read but not yet committed when the gateway died are read again");
            Verdict.record(f, soft -> soft.assertThat(reader.unknown.get()).as("messages of no produced event").isZero());
        }
    }

    private static void produce(Scenario s) {
        try {
            s.produce(0, EVENTS, RATE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitRead(Reader reader, long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (reader.unique() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** Long-polls with consumer=reader, verifies each message, then commits the page's next_cursor. */
    private static final class Reader {
        private final PullClient api;
        private final String subscription;
        private final String secret;
        private final Set<Long> seen = new HashSet<>();
        final AtomicLong received = new AtomicLong();
        final AtomicLong verified = new AtomicLong();
        final AtomicLong invalid = new AtomicLong();
        final AtomicLong unknown = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        private volatile boolean running = true;

        Reader(PullClient api, String subscription, String secret) {
            this.api = api;
            this.subscription = subscription;
            this.secret = secret;
        }

        void run() {
            while (running) {
                try {
                    PullClient.Page page = api.read(subscription, null, CONSUMER, 100, 2);
                    page.data().forEach(this::count);
                    if (!page.data().isEmpty()) {
                        api.commit(subscription, CONSUMER, page.nextCursor());
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the gateway is down or restarting: read again from the committed cursor
                    errors.incrementAndGet();
                    pause();
                }
            }
        }

        private void count(PullClient.Message m) {
            received.incrementAndGet();
            try {
                m.verify(secret);
                verified.incrementAndGet();
            } catch (Exception e) {
                invalid.incrementAndGet();
            }
            long id = m.messageId();
            if (id < 0 || id >= EVENTS) {
                unknown.incrementAndGet();
                return;
            }
            synchronized (seen) {
                seen.add(id);
            }
        }

        long unique() {
            synchronized (seen) {
                return seen.size();
            }
        }

        void stop(Thread thread) throws InterruptedException {
            running = false;
            thread.join(10_000);
        }

        private static void pause() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
