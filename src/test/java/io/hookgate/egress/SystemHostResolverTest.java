package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemHostResolverTest {

    private final Vertx vertx = Vertx.vertx();
    private final SystemHostResolver resolver = new SystemHostResolver(vertx);

    @AfterEach
    void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void ipLiteralsAreConvertedWithoutLookup() {
        List<InetAddress> v4 = resolver.resolve("203.0.113.9").await().atMost(Duration.ofSeconds(5));
        List<InetAddress> v6 = resolver.resolve("2001:db8::1").await().atMost(Duration.ofSeconds(5));

        assertThat(v4).extracting(InetAddress::getHostAddress).containsExactly("203.0.113.9");
        assertThat(v6).extracting(InetAddress::getHostAddress).containsExactly("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void localhostResolvesOnAWorkerThread() {
        List<InetAddress> addresses = resolver.resolve("localhost").await().atMost(Duration.ofSeconds(5));

        assertThat(addresses).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
    }

    @Test
    void invalidNameFailsWithUnknownHost() {
        resolver.resolve("no-such-host.invalid")
                .subscribe().withSubscriber(UniAssertSubscriber.create())
                .awaitFailure(Duration.ofSeconds(10))
                .assertFailedWith(UnknownHostException.class);
    }
}
