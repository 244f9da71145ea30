package io.hookgate.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Polls /q/health/live every 500 ms on its own thread, counting answers that were not 200 UP. */
public final class LivenessProbe implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong down = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String lastFailure = "";

    /** Probes the gateway's management interface (health is not served on the API port). */
    public LivenessProbe(String managementUrl) {
        this.uri = URI.create(managementUrl + "/q/health/live");
        this.thread = new Thread(this::loop, "liveness-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            long started = System.nanoTime();
            polls.incrementAndGet();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().contains("UP")) {
                    fail(r.statusCode() + " " + r.body());
                }
            } catch (InterruptedException e) {
                return; // close() interrupted a poll in flight: the gateway did not answer "down"
            } catch (Exception e) {
                fail(e.toString());
            }
            long left = 500 - (System.nanoTime() - started) / 1_000_000;
            if (left > 0) {
                try {
                    Thread.sleep(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void fail(String why) {
        down.incrementAndGet();
        lastFailure = why.length() > 300 ? why.substring(0, 300) : why;
    }

    public long polls() {
        return polls.get();
    }

    public long down() {
        return down.get();
    }

    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }
}
