package io.hookgate.bench;

import com.standardwebhooks.Webhook;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Webhook receivers on loopback: one HTTP server (port) per endpoint. Answers the challenge handshake,
 * answers deliveries with 204 (or hangs / 500 per endpoint), and records every delivery into the
 * current {@link Phase}. Paths are {@code /<session>/s/<subscription index>}.
 */
public final class BenchReceiver implements AutoCloseable {

    /** Per-endpoint behaviour. */
    public enum Mode { OK, HANG, ERROR_500 }

    private final Vertx vertx;
    private final List<HttpServer> servers = new ArrayList<>();
    private final int[] ports;
    private final AtomicIntegerArray modes;
    private final LongAdder[] attempts;
    private final LongAdder stale = new LongAdder();
    private final LongAdder challenges = new LongAdder();
    private volatile Phase phase;

    public BenchReceiver(int endpoints, int eventLoops) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        this.ports = new int[endpoints];
        this.modes = new AtomicIntegerArray(endpoints);
        this.attempts = new LongAdder[endpoints];
        for (int e = 0; e < endpoints; e++) {
            attempts[e] = new LongAdder();
        }
    }

    /** Starts all servers on ephemeral loopback ports. */
    public BenchReceiver start() throws Exception {
        for (int e = 0; e < ports.length; e++) {
            Endpoint endpoint = new Endpoint(e);
            vertx.deployVerticle(endpoint).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            ports[e] = endpoint.server.actualPort();
            servers.add(endpoint.server);
        }
        return this;
    }

    /** One endpoint's server; as a verticle, each endpoint gets its own context and event loops alternate. */
    private final class Endpoint extends AbstractVerticle {
        private final int index;
        private HttpServer server;

        Endpoint(int index) {
            this.index = index;
        }

        @Override
        public void start(Promise<Void> started) {
            vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setIdleTimeout(0)
                            .setTcpNoDelay(true))
                    .requestHandler(request -> handle(index, request))
                    .listen()
                    .onSuccess(bound -> server = bound)
                    .<Void>mapEmpty()
                    .onComplete(started);
        }
    }

    public String url(Workload workload, int sub) {
        return "http://127.0.0.1:" + ports[workload.endpointOf(sub)] + workload.path(sub);
    }

    public void mode(int endpoint, Mode mode) {
        modes.set(endpoint, mode.ordinal());
    }

    public void allOk() {
        for (int e = 0; e < ports.length; e++) {
            mode(e, Mode.OK);
        }
    }

    /** The phase new deliveries are recorded into (null: record nothing, still answer). */
    public void phase(Phase next) {
        this.phase = next;
    }

    public long attempts(int endpoint) {
        return attempts[endpoint].sum();
    }

    public long stale() {
        return stale.sum();
    }

    public long challenges() {
        return challenges.sum();
    }

    private void handle(int endpoint, HttpServerRequest request) {
        if (request.method() == HttpMethod.GET) {
            answerChallenge(request);
            return;
        }
        attempts[endpoint].increment();
        Mode mode = Mode.values()[modes.get(endpoint)];
        if (mode == Mode.HANG) {
            return; // accept, read nothing, never answer: the client must time out on its own
        }
        if (mode == Mode.ERROR_500) {
            request.response().setStatusCode(500).end();
            return;
        }
        request.body().onSuccess(body -> {
            long arrival = BenchClock.nowMicros();
            record(request, body, arrival);
            request.response().setStatusCode(204).end();
        });
    }

    private void answerChallenge(HttpServerRequest request) {
        String token = request.getParam("challenge");
        if (token == null) {
            request.response().setStatusCode(404).end();
            return;
        }
        challenges.increment();
        request.response().putHeader("content-type", "application/json")
                .end(new JsonObject().put("challenge", token).encode());
    }

    private void record(HttpServerRequest request, Buffer body, long arrival) {
        Phase current = phase;
        String path = request.path();
        int marker = path.lastIndexOf("/s/");
        if (current == null || marker < 0 || !path.startsWith("/" + current.workload().session() + "/")) {
            stale.increment();
            return;
        }
        int sub;
        try {
            sub = Integer.parseInt(path.substring(marker + 3));
        } catch (NumberFormatException e) {
            stale.increment();
            return;
        }
        byte[] bytes = body.getBytes();
        long messageId = ChatEvents.messageId(bytes);
        if (messageId < 0 || !current.record(sub, messageId, arrival)) {
            stale.increment();
            return;
        }
        Webhook verifier = current.verifierFor(sub, messageId);
        if (verifier != null) {
            current.signatureChecked(verify(verifier, request, bytes));
        }
    }

    private static boolean verify(Webhook verifier, HttpServerRequest request, byte[] body) {
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of(String.valueOf(request.getHeader("webhook-id"))),
                "webhook-timestamp", List.of(String.valueOf(request.getHeader("webhook-timestamp"))),
                "webhook-signature", List.of(String.valueOf(request.getHeader("webhook-signature"))));
        try {
            verifier.verify(new String(body, StandardCharsets.UTF_8), headers);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        Future.join(servers.stream().map(HttpServer::close).toList());
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /**
     * Standalone use: BenchReceiver <endpoints>. Prints its ports, then every 5 s the attempts per
     * endpoint on stdout; stops after one hour at most.
     */
    public static void main(String[] args) throws Exception {
        int endpoints = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (BenchReceiver receiver = new BenchReceiver(endpoints, 2).start()) {
            System.out.println("ports " + java.util.Arrays.toString(receiver.ports));
            for (int i = 0; i < 720; i++) {
                Thread.sleep(5000);
                long[] counts = new long[endpoints];
                for (int e = 0; e < endpoints; e++) {
                    counts[e] = receiver.attempts(e);
                }
                System.out.println("attempts " + java.util.Arrays.toString(counts) + " stale " + receiver.stale());
            }
        }
    }
}
