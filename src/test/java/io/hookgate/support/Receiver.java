package io.hookgate.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real HTTP receiver on loopback for tests: answers the challenge handshake, records every POST
 * (headers, exact body bytes, arrival time) and replies as its behaviour says.
 */
public final class Receiver implements AutoCloseable {

    /** What to do with the n-th POST (1-based). */
    public sealed interface Reply {
        record Status(int code, Map<String, String> headers) implements Reply {
        }

        /** Accept the request and never answer. */
        record Hang() implements Reply {
        }

        /** Answer with {@code code} after {@code millis}, like an endpoint with that much work per request. */
        record Delayed(int code, long millis) implements Reply {
        }
    }

    public record Request(String path, Map<String, String> headers, byte[] body, Instant arrivedAt) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger challenges = new AtomicInteger();
    private final AtomicInteger hanging = new AtomicInteger();
    private final AtomicInteger maxHanging = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private volatile Function<Integer, Reply> behaviour;
    private volatile Map<String, Function<Integer, Reply>> routes = Map.of();
    private final Map<String, AtomicInteger> postsByPath = new java.util.concurrent.ConcurrentHashMap<>();

    private Receiver(Vertx vertx, String host, int port, Function<Integer, Reply> behaviour) throws Exception {
        this.vertx = vertx;
        this.behaviour = behaviour;
        Supplier<HttpServer> create = () -> vertx.createHttpServer()
                .connectionHandler(c -> connections.incrementAndGet()).requestHandler(this::handle);
        this.server = port == 0 ? FreshPorts.listen(create, host)
                : create.get().listen(port, host).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public static Receiver start(Function<Integer, Reply> behaviour) throws Exception {
        return start("127.0.0.1", 0, behaviour);
    }

    public static Receiver start(String host, int port, Function<Integer, Reply> behaviour) throws Exception {
        return new Receiver(Vertx.vertx(), host, port, behaviour);
    }

    public static Receiver ok() throws Exception {
        return start(n -> status(204));
    }

    public static Reply status(int code) {
        return new Reply.Status(code, Map.of());
    }

    public static Reply status(int code, Map<String, String> headers) {
        return new Reply.Status(code, headers);
    }

    public static Reply hang() {
        return new Reply.Hang();
    }

    public static Reply delayed(int code, long millis) {
        return new Reply.Delayed(code, millis);
    }

    public void behave(Function<Integer, Reply> next) {
        this.behaviour = next;
    }

    /** From now on POSTs to {@code path} are answered by {@code next} (n counts that path's POSTs only). */
    public Receiver route(String path, Function<Integer, Reply> next) {
        Map<String, Function<Integer, Reply>> copy = new java.util.HashMap<>(routes);
        copy.put(path, next);
        this.routes = Map.copyOf(copy);
        return this;
    }

    /** The POSTs that arrived for one path. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public int port() {
        return server.actualPort();
    }

    /** TCP connections accepted, whatever was sent on them. */
    public int connections() {
        return connections.get();
    }

    /** Challenge handshakes answered (GET with {@code ?challenge=}). */
    public int challenges() {
        return challenges.get();
    }

    /** Requests this receiver holds unanswered right now. */
    public int hanging() {
        return hanging.get();
    }

    /** Most requests this receiver held unanswered at the same time (each ends when the client gives up). */
    public int maxHanging() {
        return maxHanging.get();
    }

    /** Most delayed requests this receiver was working on at the same time: the concurrency a client used. */
    public int maxOpen() {
        return maxOpen.get();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /**
     * Waits until at least {@code count} POSTs arrived. On timeout the failure says how many did and carries what
     * {@code why} reports then (a delivery log, say), so that a failure in CI explains itself.
     */
    public void awaitPosts(int count, Duration atMost, Supplier<Object> why) {
        try {
            Awaitility.await().atMost(atMost).until(() -> requests.size() >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(requests.size() + " of " + count + " POSTs arrived within " + atMost + "; "
                    + why.get(), e);
        }
    }

    private void handle(HttpServerRequest req) {
        String challenge = req.getParam("challenge");
        if ("GET".equals(req.method().name()) && challenge != null) {
            challenges.incrementAndGet();
            req.response().putHeader("content-type", "application/json")
                    .end("{\"challenge\":\"" + challenge + "\"}");
            return;
        }
        req.body().onSuccess(body -> record(req, body));
    }

    private void record(HttpServerRequest req, Buffer body) {
        Map<String, String> headers = new TreeMap<>();
        req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        String path = req.path();
        requests.add(new Request(path, headers, body.getBytes(), Instant.now()));
        int n = posts.incrementAndGet();
        Function<Integer, Reply> route = routes.get(path);
        Reply reply = route != null
                ? route.apply(postsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet())
                : behaviour.apply(n);
        if (reply instanceof Reply.Hang) {
            maxHanging.accumulateAndGet(hanging.incrementAndGet(), Math::max);
            req.response().closeHandler(v -> hanging.decrementAndGet());
        } else if (reply instanceof Reply.Delayed d) {
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            vertx.setTimer(d.millis(), t -> {
                open.decrementAndGet();
                req.response().setStatusCode(d.code()).end();
            });
        } else if (reply instanceof Reply.Status s) {
            s.headers().forEach(req.response()::putHeader);
            req.response().setStatusCode(s.code()).end();
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
