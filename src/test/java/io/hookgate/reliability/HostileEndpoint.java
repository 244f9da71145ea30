package io.hookgate.reliability;

import io.hookgate.support.FreshPorts;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.PfxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A loopback endpoint that answers the registration challenge correctly and then misbehaves on every POST.
 * The TLS kind also serves plain HTTP for registration: the test repoints the subscription afterwards, as when
 * an endpoint's certificate is replaced by a self-signed one.
 */
final class HostileEndpoint implements AutoCloseable {

    /** The misbehaviour and the last_error the gateway should record for it (null: delivered). */
    enum Kind {
        HANG("timeout"), STATUS_500("status_500"), STATUS_429("status_429"), REDIRECT_302("status_302"),
        GONE_410("status_410"), TLS_SELF_SIGNED("tls_error"), CONNECTION_RESET("connection_reset"),
        TRICKLE("timeout"),
        /** 2xx is delivered by SPEC §3; the gateway must stop reading at 64 KiB. */
        ENDLESS_BODY(null),
        /**
         * 500 to a burst until its breaker opens with the backlog held, 2xx from then on: the probe must succeed and
         * the whole backlog be delivered at once (issue 11's wedge kept it forever).
         */
        RECOVERING(null);

        final String expectedError;

        Kind(String expectedError) {
            this.expectedError = expectedError;
        }
    }

    private static final String PASS = "hostile-test-only";

    final Kind kind;
    private final Vertx vertx;
    private final HttpServer plain;
    private final HttpServer tls;
    private final String canaryUrl;
    final AtomicInteger posts = new AtomicInteger();
    final AtomicLong endlessBytes = new AtomicLong();
    final AtomicLong firstSuccessAt = new AtomicLong();
    final AtomicLong lastSuccessAt = new AtomicLong();

    HostileEndpoint(Vertx vertx, Kind kind, String canaryUrl) throws Exception {
        this.vertx = vertx;
        this.kind = kind;
        this.canaryUrl = canaryUrl;
        // SO_LINGER 0 turns close() into a TCP RST
        HttpServerOptions options = new HttpServerOptions().setSoLinger(kind == Kind.CONNECTION_RESET ? 0 : -1);
        this.plain = listen(() -> vertx.createHttpServer(options));
        if (kind == Kind.TLS_SELF_SIGNED) {
            HttpServerOptions tlsOptions = new HttpServerOptions().setSsl(true)
                    .setKeyCertOptions(new PfxOptions().setPath(selfSignedKeystore().toString()).setPassword(PASS));
            this.tls = listen(() -> vertx.createHttpServer(tlsOptions));
        } else {
            this.tls = null;
        }
    }

    /**
     * A fresh self-signed certificate for 127.0.0.1 from the JDK's keytool: Vert.x's own generator needs
     * BouncyCastle or JDK-internal access, neither of which the test classpath has.
     */
    private static Path selfSignedKeystore() throws Exception {
        Path store = ReliabilityReport.DIR.resolve("hostile-self-signed.p12");
        Files.createDirectories(store.getParent());
        Files.deleteIfExists(store);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hostile", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASS, "-keypass", PASS).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        return store;
    }

    private HttpServer listen(Supplier<HttpServer> create) throws Exception {
        return FreshPorts.listen(() -> create.get().requestHandler(this::handle), "127.0.0.1");
    }

    /** The URL to register (always plain HTTP, so the challenge can succeed). */
    String registrationUrl() {
        return "http://127.0.0.1:" + plain.actualPort() + "/hook";
    }

    /** The URL deliveries must go to. */
    String deliveryUrl() {
        return tls == null ? registrationUrl() : "https://127.0.0.1:" + tls.actualPort() + "/hook";
    }

    private void handle(HttpServerRequest req) {
        String challenge = req.getParam("challenge");
        if ("GET".equals(req.method().name()) && challenge != null) {
            req.response().putHeader("content-type", "application/json").end("{\"challenge\":\"" + challenge + "\"}");
            return;
        }
        posts.incrementAndGet();
        req.body().onSuccess(b -> misbehave(req));
    }

    private void misbehave(HttpServerRequest req) {
        HttpServerResponse res = req.response();
        switch (kind) {
            case HANG -> { }
            case STATUS_500 -> res.setStatusCode(500).end("boom");
            case STATUS_429 -> res.setStatusCode(429).putHeader("retry-after", "1").end();
            case REDIRECT_302 -> res.setStatusCode(302).putHeader("location", canaryUrl).end();
            case GONE_410 -> res.setStatusCode(410).end();
            case TLS_SELF_SIGNED -> res.setStatusCode(204).end();
            case CONNECTION_RESET -> req.connection().close();
            case TRICKLE -> trickle(res, 120);
            case ENDLESS_BODY -> endless(res);
            case RECOVERING -> {
                if (posts.get() <= HostileEndpointsReliabilityIT.HOSTILE_EVENTS) {
                    res.setStatusCode(500).end();
                } else {
                    firstSuccessAt.compareAndSet(0, System.nanoTime());
                    lastSuccessAt.set(System.nanoTime());
                    res.setStatusCode(204).end();
                }
            }
        }
    }

    /** 200 with a declared body that arrives one byte per second. */
    private void trickle(HttpServerResponse res, int length) {
        res.setStatusCode(200).putHeader("content-length", Integer.toString(length)).write("x");
        AtomicInteger sent = new AtomicInteger(1);
        long timer = vertx.setPeriodic(1000, id -> {
            if (res.closed() || res.ended()) {
                vertx.cancelTimer(id);
            } else if (sent.incrementAndGet() >= length) {
                vertx.cancelTimer(id);
                res.end("x");
            } else {
                res.write("x");
            }
        });
        res.closeHandler(v -> vertx.cancelTimer(timer));
    }

    /** 200, chunked, 16 KiB every 20 ms until the client goes away. */
    private void endless(HttpServerResponse res) {
        Buffer chunk = Buffer.buffer(new byte[16 * 1024]);
        res.setStatusCode(200).setChunked(true);
        long timer = vertx.setPeriodic(20, id -> {
            if (res.closed()) {
                vertx.cancelTimer(id);
            } else if (!res.writeQueueFull()) {
                res.write(chunk);
                endlessBytes.addAndGet(chunk.length());
            }
        });
        res.closeHandler(v -> vertx.cancelTimer(timer));
    }

    Map<String, Object> figures() {
        return Map.of("posts", posts.get(), "endless_bytes_written", endlessBytes.get());
    }

    /** From the first 2xx (the probe) to the last: how long the held backlog took to drain. */
    long drainMillis() {
        return firstSuccessAt.get() == 0 ? -1 : (lastSuccessAt.get() - firstSuccessAt.get()) / 1_000_000;
    }

    @Override
    public void close() throws Exception {
        plain.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        if (tls != null) {
            tls.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
