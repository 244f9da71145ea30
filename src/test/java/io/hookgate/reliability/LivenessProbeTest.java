package io.hookgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The probe counts what the gateway answers, never its own shutdown (scenario 5 once failed on that alone). */
class LivenessProbeTest {

    @Test
    void closingWhileAPollIsInFlightCountsNoDownAnswer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.createContext("/q/health/live", exchange -> {
            if (answered.get() > 0) {
                inFlight.countDown(); // the second poll waits here until the probe is closed
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            answered.incrementAndGet();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        try {
            LivenessProbe probe = new LivenessProbe("http://127.0.0.1:" + server.getAddress().getPort());
            await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.getCount() == 0);

            probe.close();

            assertThat(probe.polls()).isGreaterThanOrEqualTo(2);
            assertThat(probe.down()).as("down answers after " + probe.lastFailure()).isZero();
        } finally {
            release.countDown();
            server.stop(0);
        }
    }
}
