package io.hookgate.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many concurrent long-polls ({@code wait=30}), or idle Server-Sent Event streams, held open by one non-blocking
 * client on one event loop: each waiter is a connection, re-polled (or re-opened) as soon as it answers or ends,
 * until {@link #close()} drops every connection.
 */
final class IdleLongPolls implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClient client;
    private final URI base;
    private final String apiKey;
    private final boolean streams;
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicLong failed = new AtomicLong();
    // answers per second since the client started: how bunched the re-polls came back
    private final AtomicIntegerArray answersPerSecond = new AtomicIntegerArray(3_600);
    private final long started = System.nanoTime();
    private volatile boolean open = true;

    IdleLongPolls(String baseUrl, String apiKey, int connections, boolean streams) {
        this.base = URI.create(baseUrl);
        this.apiKey = apiKey;
        this.streams = streams;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setIdleTimeout(0)
                .setConnectTimeout(10_000), new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    /**
     * Starts {@code perSubscription} waiters on each subscription: all at once, or spread evenly over
     * {@code staggerSeconds} so that they re-poll one after another, as clients started independently would.
     */
    void open(List<String> subscriptions, int perSubscription, int staggerSeconds) {
        int total = subscriptions.size() * perSubscription;
        double gapMs = staggerSeconds * 1000.0 / total;
        int n = 0;
        for (int i = 0; i < perSubscription; i++) {
            for (String sub : subscriptions) {
                long delay = Math.round(n++ * gapMs);
                if (delay < 1) {
                    poll(sub);
                } else {
                    vertx.setTimer(delay, id -> poll(sub));
                }
            }
        }
    }

    private void poll(String subscription) {
        if (!open) {
            return;
        }
        client.request(HttpMethod.GET, base.getPort(), base.getHost(), "/v1/subscriptions/" + subscription
                        + (streams ? "/stream" : "/messages?wait=30&limit=1"))
                .compose(req -> req.putHeader("authorization", "Bearer " + apiKey).send()
                        .compose(resp -> {
                            if (resp.statusCode() != 200) {
                                refused.incrementAndGet();
                            }
                            return resp.body();
                        }))
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        answered.incrementAndGet();
                        int second = (int) ((System.nanoTime() - started) / 1_000_000_000L);
                        if (second < answersPerSecond.length()) {
                            answersPerSecond.incrementAndGet(second);
                        }
                    } else {
                        failed.incrementAndGet();
                    }
                    // keep the number of waiters steady; a refused one backs off instead of spinning
                    vertx.setTimer(ar.succeeded() ? 1 : 500, id -> poll(subscription));
                });
    }

    int answered() {
        return answered.get();
    }

    /** The most answers that came back within one second. */
    int peakAnswersPerSecond() {
        int peak = 0;
        for (int i = 0; i < answersPerSecond.length(); i++) {
            peak = Math.max(peak, answersPerSecond.get(i));
        }
        return peak;
    }

    int refused() {
        return refused.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() throws Exception {
        open = false;
        client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
