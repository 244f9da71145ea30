package io.hookgate.egress;

import io.hookgate.egress.EgressCallException.Reason;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request/response exchange: enforces the overall deadline, caps the body it keeps and settles
 * the emitter exactly once. Callbacks may race with the deadline timer and cancellation, hence the flag.
 */
final class PinnedExchange {

    private final Vertx vertx;
    private final HttpClient client;
    private final RequestOptions options;
    private final Buffer body;
    private final Duration timeout;
    private final int maxResponseBytes;
    private final UniEmitter<? super HttpResult> emitter;
    private final String redactedUrl;
    private final AtomicBoolean settled = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private volatile HttpClientRequest request;
    private volatile long timerId = -1;
    private int status;
    private MultiMap headers;
    private Buffer received;

    PinnedExchange(Vertx vertx, HttpClient client, RequestOptions options, byte[] body, Duration timeout,
            int maxResponseBytes, UniEmitter<? super HttpResult> emitter, String redactedUrl) {
        this.vertx = vertx;
        this.client = client;
        this.options = options;
        this.body = body == null ? null : Buffer.buffer(body);
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.emitter = emitter;
        this.redactedUrl = redactedUrl;
    }

    void start() {
        emitter.onTermination(this::abandon);
        // idle timeouts miss a slow drip, so the whole exchange also has a hard deadline
        timerId = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> fail(new EgressCallException(
                Reason.TIMEOUT, "timeout after " + timeout.toMillis() + " ms calling " + redactedUrl)));
        client.request(options).onComplete(ar -> {
            if (ar.succeeded()) {
                send(ar.result());
            } else {
                fail(ar.cause());
            }
        });
    }

    private void send(HttpClientRequest req) {
        request = req;
        if (settled.get()) {
            req.reset();
            return;
        }
        Future<HttpClientResponse> response = body == null ? req.send() : req.send(body);
        response.onComplete(ar -> {
            if (ar.succeeded()) {
                read(ar.result());
            } else {
                fail(ar.cause());
            }
        });
    }

    private void read(HttpClientResponse response) {
        status = response.statusCode();
        headers = HttpHeaders.headers().addAll(response.headers());
        received = Buffer.buffer(Math.min(maxResponseBytes, 8192));
        response.exceptionHandler(this::fail);
        response.handler(this::append);
        response.endHandler(v -> succeed(false));
    }

    private void append(Buffer chunk) {
        if (settled.get()) {
            return;
        }
        int room = maxResponseBytes - received.length();
        if (chunk.length() <= room) {
            received.appendBuffer(chunk);
            return;
        }
        received.appendBuffer(chunk, 0, room);
        succeed(true);
    }

    private void succeed(boolean truncated) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        vertx.cancelTimer(timerId);
        if (truncated) {
            // closing the connection is cheaper than draining a body we will not keep
            request.reset();
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
        emitter.complete(new HttpResult(status, headers, received.getBytes(), truncated, latency));
    }

    private void fail(Throwable cause) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        vertx.cancelTimer(timerId);
        resetRequest();
        emitter.fail(cause instanceof EgressCallException call ? call : wrap(cause));
    }

    /** Cancellation by the subscriber: stop the timer and drop the connection. */
    private void abandon() {
        if (settled.compareAndSet(false, true)) {
            vertx.cancelTimer(timerId);
            resetRequest();
        }
    }

    private void resetRequest() {
        HttpClientRequest current = request;
        if (current != null) {
            current.reset();
        }
    }

    private EgressCallException wrap(Throwable cause) {
        Reason reason = EgressCallException.classify(cause);
        // the cause's own message may quote the request line with its query, so only its type is kept
        return new EgressCallException(reason,
                reason.code() + " calling " + redactedUrl + " (" + cause.getClass().getSimpleName() + ")");
    }
}
