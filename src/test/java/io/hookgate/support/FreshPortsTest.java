package io.hookgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Test servers never listen on a port an earlier one had: a dead subscription's URL must not come back to life. */
class FreshPortsTest {

    private static final int SERVERS = 600;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void sixHundredServersOpenedAndClosedOneAfterAnotherNeverShareAPort() throws Exception {
        Set<Integer> used = new HashSet<>();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < SERVERS; i++) {
            HttpServer server = FreshPorts.bind(() -> vertx.createHttpServer().requestHandler(r -> r.response().end())
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS),
                    used::add);
            ports.add(server.actualPort());
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        // the kernel alone repeats about 28 of 600 ports on this machine
        assertThat(new HashSet<>(ports)).hasSize(SERVERS);
    }

    @Test
    void aPortClaimedOnceIsRefusedAfterwardsAlsoInALaterJvm() {
        int neverBound = 1;
        FreshPorts.claim(neverBound);

        assertThat(FreshPorts.claim(neverBound)).isFalse();
    }
}
