package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.logging.LoggerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A receiver that resets the connection (RST, not FIN) fails the attempt without an unhandled-exception ERROR. */
class PinnedHttpClientResetTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CONNECTION_LOGGER = "io.vertx.core.net.impl.ConnectionBase";

    private final Vertx vertx = Vertx.vertx();
    private final EgressGuard guard = new EgressGuard(new UrlPolicy(true),
            new AddressClassifier(List.of(Cidr.parse("127.0.0.0/8"))), new MutableHostResolver(), Duration.ofSeconds(2));
    private final PinnedHttpClient client = new PinnedHttpClient(vertx,
            new PinnedHttpClient.Settings(4, 16, Duration.ofSeconds(2), Duration.ofSeconds(30)));
    private final ConcurrentLinkedQueue<LogRecord> errors = new ConcurrentLinkedQueue<>();
    private final Logger vertxLog = Logger.getLogger(CONNECTION_LOGGER);
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean capturesVertxLogs;

    @BeforeEach
    void captureVertxErrors() {
        vertxLog.addHandler(capture);
        // Captured, not printed: the probe below must not look like a real error in the build output.
        vertxLog.setUseParentHandlers(false);
        // Proves Vert.x's logs reach this JUL logger here, so "no ERROR" below is not vacuous.
        LoggerFactory.getLogger(CONNECTION_LOGGER).error("capture probe");
        capturesVertxLogs = errors.removeIf(r -> "capture probe".equals(r.getMessage()));
    }

    @AfterEach
    void closeVertx() {
        vertxLog.removeHandler(capture);
        vertxLog.setUseParentHandlers(true);
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void receiverResettingTheConnectionFailsAsConnectionResetWithoutErrorLog() {
        PinnedTarget target = target(serveWithReset(req -> req.connection().close()));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.send(target, HttpMethod.POST, Map.of(), new byte[] {'{', '}'}, WAIT, 1024)
                    .await().atMost(WAIT))
                    .isInstanceOfSatisfying(EgressCallException.class,
                            e -> assertThat(e.code()).isEqualTo("connection_reset"));
        }

        assertNoErrorLogged();
    }

    @Test
    void pooledConnectionResetWhileIdleLogsNoError() {
        PinnedTarget target = target(serveWithReset(req -> req.response().end("ok")
                .onComplete(v -> vertx.setTimer(50, id -> req.connection().close()))));

        HttpResult result = client.send(target, HttpMethod.GET, Map.of(), null, WAIT, 1024).await().atMost(WAIT);
        assertThat(result.status()).isEqualTo(200);

        assertNoErrorLogged();
    }

    private void assertNoErrorLogged() {
        assumeThat(capturesVertxLogs).as("Vert.x logs reach java.util.logging in this run").isTrue();
        // Vert.x logs on the connection's event loop, possibly after our failure was delivered.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(errors).extracting(LogRecord::getMessage).isEmpty());
    }

    private PinnedTarget target(int port) {
        return guard.check("http://127.0.0.1:" + port + "/hook").await().atMost(WAIT);
    }

    /** SO_LINGER 0 turns the server's close into a TCP RST: the client reads "Connection reset". */
    private int serveWithReset(Consumer<HttpServerRequest> handler) {
        return vertx.createHttpServer(new HttpServerOptions().setSoLinger(0)).requestHandler(handler::accept)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }
}
