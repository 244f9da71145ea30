package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PinnedHttpClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int ONE_MIB = 1024 * 1024;

    private final Vertx vertx = Vertx.vertx();
    private final MutableHostResolver dns = new MutableHostResolver();
    private final EgressGuard guard = new EgressGuard(new UrlPolicy(true),
            new AddressClassifier(List.of(Cidr.parse("127.0.0.0/8"))), dns, Duration.ofSeconds(2));
    private final PinnedHttpClient client = new PinnedHttpClient(vertx,
            new PinnedHttpClient.Settings(4, 16, Duration.ofSeconds(2), Duration.ofSeconds(30)));
    private final ConcurrentLinkedQueue<String> seenHosts = new ConcurrentLinkedQueue<>();

    @AfterEach
    void closeVertx() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void connectsToThePinnedAddressWhileHostHeaderCarriesTheName() {
        int port = serve("127.0.0.1", 0, req -> req.response().end("ok"));
        dns.map("hook.test", "127.0.0.1");

        HttpResult result = get("http://hook.test:" + port + "/in?x=1", 1024);

        assertThat(result.status()).isEqualTo(200);
        assertThat(new String(result.bodyPrefix(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(seenHosts).containsExactly("hook.test:" + port + " /in?x=1");
    }

    @Test
    void dialsTheCheckedAddressNotWhateverTheNameResolvesToLater() {
        AtomicInteger onFirst = new AtomicInteger();
        AtomicInteger onSecond = new AtomicInteger();
        int port = serve("127.0.0.1", 0, req -> {
            onFirst.incrementAndGet();
            req.response().end("first");
        });
        serve("127.0.0.2", port, req -> {
            onSecond.incrementAndGet();
            req.response().end("second");
        });
        dns.map("hook.test", "127.0.0.2");
        PinnedTarget target = guard.check("http://hook.test:" + port + "/").await().atMost(WAIT);
        dns.map("hook.test", "127.0.0.1");

        HttpResult result = client.send(target, HttpMethod.GET, Map.of(), null, WAIT, 1024).await().atMost(WAIT);

        assertThat(new String(result.bodyPrefix(), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(onFirst).hasValue(0);
        assertThat(onSecond).hasValue(1);
    }

    @Test
    void sendsMethodHeadersAndBodyButReplacesACallerSuppliedHost() {
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        int port = serve("127.0.0.1", 0, req -> req.body().onSuccess(body -> {
            received.add(req.method() + " " + req.getHeader("webhook-id") + " " + body.toString());
            req.response().setStatusCode(204).end();
        }));
        dns.map("hook.test", "127.0.0.1");
        PinnedTarget target = guard.check("http://hook.test:" + port + "/in").await().atMost(WAIT);

        HttpResult result = client.send(target, HttpMethod.POST, Map.of("webhook-id", "msg_1", "Host", "evil.example"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), WAIT, 1024).await().atMost(WAIT);

        assertThat(result.status()).isEqualTo(204);
        assertThat(result.isSuccess()).isTrue();
        assertThat(received).containsExactly("POST msg_1 {\"a\":1}");
        assertThat(seenHosts).containsExactly("hook.test:" + port + " /in");
    }

    @Test
    void redirectIsReturnedAndNeverFollowed() {
        AtomicInteger redirectTargetHits = new AtomicInteger();
        int targetPort = serve("127.0.0.1", 0, req -> {
            redirectTargetHits.incrementAndGet();
            req.response().end("followed");
        });
        int port = serve("127.0.0.1", 0, req -> req.response().setStatusCode(302)
                .putHeader("Location", "http://127.0.0.1:" + targetPort + "/internal").end());

        HttpResult result = get("http://127.0.0.1:" + port + "/", 1024);

        assertThat(result.status()).isEqualTo(302);
        assertThat(result.header("location")).hasValue("http://127.0.0.1:" + targetPort + "/internal");
        assertThat(redirectTargetHits).hasValue(0);
    }

    @Test
    void hangingEndpointEndsWithTimeoutWithinTheBound() {
        int port = serve("127.0.0.1", 0, req -> { });
        PinnedTarget target = guard.check("http://127.0.0.1:" + port + "/hang").await().atMost(WAIT);
        long start = System.nanoTime();

        assertCallFails(target, Duration.ofMillis(300), "timeout");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void slowDripBodyStillHitsTheOverallDeadline() {
        int port = serve("127.0.0.1", 0, req -> {
            req.response().setChunked(true).write("x");
            vertx.setPeriodic(50, id -> req.response().write("x"));
        });
        PinnedTarget target = guard.check("http://127.0.0.1:" + port + "/drip").await().atMost(WAIT);
        long start = System.nanoTime();

        assertCallFails(target, Duration.ofMillis(500), "timeout");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void oneMebibyteBodyIsCutToTheLimit() {
        Buffer big = Buffer.buffer(new byte[ONE_MIB]);
        int port = serve("127.0.0.1", 0, req -> req.response().end(big));

        HttpResult result = get("http://127.0.0.1:" + port + "/big", 64 * 1024);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.bodyPrefix()).hasSize(64 * 1024);
        assertThat(result.truncated()).isTrue();
    }

    @Test
    void bodyWithinTheLimitIsReturnedWhole() {
        int port = serve("127.0.0.1", 0, req -> req.response().setStatusCode(503).end("busy"));

        HttpResult result = get("http://127.0.0.1:" + port + "/", 4);

        assertThat(result.status()).isEqualTo(503);
        assertThat(result.bodyPrefix()).asString(StandardCharsets.UTF_8).isEqualTo("busy");
        assertThat(result.truncated()).isFalse();
        assertThat(result.latency()).isPositive();
    }

    @Test
    void fullPoolWithFullWaitQueueFailsFastAsTooBusy() {
        PinnedHttpClient tiny = new PinnedHttpClient(vertx,
                new PinnedHttpClient.Settings(1, 0, Duration.ofSeconds(2), Duration.ofSeconds(30)));
        int port = serve("127.0.0.1", 0, req -> { });
        PinnedTarget target = guard.check("http://127.0.0.1:" + port + "/hang").await().atMost(WAIT);
        tiny.send(target, HttpMethod.GET, Map.of(), null, WAIT, 10).subscribe().with(r -> { }, e -> { });
        await().atMost(WAIT).until(() -> seenHosts.size() == 1);

        assertThatThrownBy(() -> tiny.send(target, HttpMethod.GET, Map.of(), null, WAIT, 10).await().atMost(WAIT))
                .isInstanceOfSatisfying(EgressCallException.class, e -> assertThat(e.code()).isEqualTo("too_busy"));
        tiny.close();
    }

    @Test
    void closedPortFailsWithConnectionRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PinnedTarget target = guard.check("http://127.0.0.1:" + port + "/").await().atMost(WAIT);

        assertCallFails(target, WAIT, "connection_refused");
    }

    @Test
    void serverClosingTheConnectionIsAReset() {
        int port = serve("127.0.0.1", 0, req -> req.connection().close());
        PinnedTarget target = guard.check("http://127.0.0.1:" + port + "/").await().atMost(WAIT);

        assertCallFails(target, WAIT, "connection_reset");
    }

    @Test
    void httpsToAPlainServerIsATlsError() {
        int port = serve("127.0.0.1", 0, req -> req.response().end("plain"));
        dns.map("hook.test", "127.0.0.1");
        PinnedTarget target = guard.check("https://hook.test:" + port + "/").await().atMost(WAIT);

        assertCallFails(target, WAIT, "tls_error");
    }

    @Test
    void failureMessagesNeverCarryTheQuery() {
        int port = serve("127.0.0.1", 0, req -> { });
        PinnedTarget target = guard.check("http://127.0.0.1:" + port + "/h?token=s3cret").await().atMost(WAIT);

        assertThatThrownBy(() -> client.send(target, HttpMethod.GET, Map.of(), null, Duration.ofMillis(200), 10)
                .await().atMost(WAIT))
                .hasMessageContaining("/h")
                .hasMessageNotContaining("s3cret");
    }

    private HttpResult get(String url, int maxResponseBytes) {
        PinnedTarget target = guard.check(url).await().atMost(WAIT);
        return client.send(target, HttpMethod.GET, Map.of(), null, WAIT, maxResponseBytes).await().atMost(WAIT);
    }

    private void assertCallFails(PinnedTarget target, Duration timeout, String reason) {
        assertThatThrownBy(() -> client.send(target, HttpMethod.GET, Map.of(), null, timeout, 1024).await().atMost(WAIT))
                .isInstanceOfSatisfying(EgressCallException.class, e -> assertThat(e.code()).isEqualTo(reason));
    }

    private int serve(String host, int port, Consumer<HttpServerRequest> handler) {
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            seenHosts.add(req.getHeader("Host") + " " + req.uri());
            handler.accept(req);
        });
        return server.listen(port, host).toCompletionStage().toCompletableFuture().join().actualPort();
    }
}
