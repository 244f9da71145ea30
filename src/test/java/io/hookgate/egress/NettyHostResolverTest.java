package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookgate.support.LoopbackDns;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NettyHostResolverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx();
    private final LoopbackDns dns;
    private final NettyHostResolver resolver;

    NettyHostResolverTest() throws Exception {
        dns = new LoopbackDns().map("hook.example", "203.0.113.7").blackHole("hole.example");
        resolver = resolverAsking(dns.address(), Duration.ofMillis(300));
    }

    private NettyHostResolver resolverAsking(InetSocketAddress server, Duration queryTimeout) {
        return new NettyHostResolver(vertx, new NettyHostResolver.Settings(List.of(server), queryTimeout,
                Duration.ZERO, Duration.ofMinutes(5), Duration.ofSeconds(10), 100));
    }

    @AfterEach
    void close() {
        resolver.close();
        dns.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void ipLiteralsAreConvertedWithoutAQuery() {
        assertThat(resolver.resolve("203.0.113.9").await().atMost(WAIT))
                .extracting(InetAddress::getHostAddress).containsExactly("203.0.113.9");
        assertThat(resolver.resolve("2001:db8::1").await().atMost(WAIT))
                .extracting(InetAddress::getHostAddress).containsExactly("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void namesAreAnsweredByTheConfiguredServerAndCached() {
        assertThat(resolver.resolve("hook.example").await().atMost(WAIT))
                .extracting(InetAddress::getHostAddress).containsExactly("203.0.113.7");
        int asked = dns.queries("hook.example");
        resolver.resolve("hook.example").await().atMost(WAIT);

        assertThat(asked).isPositive();
        assertThat(dns.queries("hook.example")).as("the second lookup is served from the cache").isEqualTo(asked);
    }

    @Test
    void hostsFileIsHonoured() {
        assertThat(resolver.resolve("localhost").await().atMost(WAIT)).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
    }

    @Test
    void unknownNameFailsWithUnknownHost() {
        resolver.resolve("nowhere.example").subscribe().withSubscriber(UniAssertSubscriber.create())
                .awaitFailure(WAIT).assertFailedWith(UnknownHostException.class);
    }

    @Test
    void aServerThatNeverAnswersFailsAfterTheQueryTimeoutsAndConcurrentLookupsShareOneQuery() throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<List<InetAddress>>> lookups = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lookups.add(resolver.resolve("hole.example").subscribeAsCompletionStage());
        }
        for (CompletableFuture<List<InetAddress>> lookup : lookups) {
            assertThatThrownBy(() -> lookup.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(UnknownHostException.class);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // one resolution (an A and an AAAA query) for all 20 lookups, not one each
        assertThat(dns.queries("hole.example")).isEqualTo(2);
    }

    @Test
    void theAnswerArrivesOnTheCallersContextSoTheRequestThatFollowsStaysOnItsEventLoop() throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Boolean> sameContext = new CompletableFuture<>();
        context.runOnContext(v -> resolver.resolve("hook.example").subscribe().with(
                addresses -> sameContext.complete(Vertx.currentContext() == context), sameContext::completeExceptionally));

        assertThat(sameContext.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void serversMustBeIpAddressesWithAnOptionalPort() {
        assertThat(NettyHostResolver.serverAddress("10.0.0.53")).isEqualTo(new InetSocketAddress("10.0.0.53", 53));
        assertThat(NettyHostResolver.serverAddress("127.0.0.1:5353").getPort()).isEqualTo(5353);
        assertThat(NettyHostResolver.serverAddress("[::1]:5353").getPort()).isEqualTo(5353);
        assertThat(NettyHostResolver.serverAddress("[2001:db8::53]").getPort()).isEqualTo(53);
        assertThatThrownBy(() -> NettyHostResolver.serverAddress("dns.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NettyHostResolver.serverAddress("10.0.0.53:70000"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
