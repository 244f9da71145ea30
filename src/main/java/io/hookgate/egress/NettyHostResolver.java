package io.hookgate.egress;

import io.netty.channel.EventLoop;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.SequentialDnsServerAddressStreamProvider;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.spi.transport.Transport;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves on a Vert.x event loop with Netty's DNS resolver: no thread ever waits for an answer (the JDK resolver
 * blocks a worker for as long as glibc retries, about 10 s per black-holed name). Queries time out, concurrent
 * lookups of one name share one resolution (its answer or its failure: Netty's own consolidation lets every
 * waiter of a timed-out lookup ask again, which doubles the queries to a black-holed name), and answers are
 * cached within TTL bounds. {@code /etc/hosts},
 * the name servers, search domains and {@code ndots} of {@code /etc/resolv.conf} are honoured.
 */
// eager, so that an invalid hookgate.egress.dns.* stops the boot rather than the first delivery
@Startup
@ApplicationScoped
@DefaultBean
public class NettyHostResolver implements HostResolver {

    /**
     * Resolver settings.
     *
     * @param servers name servers to ask; empty means those of /etc/resolv.conf
     * @param queryTimeout limit of one query
     * @param minTtl least time an answer is cached
     * @param maxTtl most time an answer is cached
     * @param negativeTtl how long a name that does not exist is remembered
     * @param cacheSize most host names cached at once
     */
    public record Settings(List<InetSocketAddress> servers, Duration queryTimeout, Duration minTtl, Duration maxTtl,
            Duration negativeTtl, int cacheSize) {

        public Settings {
            servers = List.copyOf(servers);
            if (queryTimeout.toMillis() < 1 || minTtl.isNegative() || negativeTtl.isNegative()
                    || maxTtl.compareTo(minTtl) < 0 || cacheSize < 1) {
                throw new IllegalArgumentException("hookgate.egress.dns: query-timeout must be positive, TTLs not"
                        + " negative, min-ttl <= max-ttl and cache-size >= 1");
            }
        }

        /** Settings from {@code hookgate.egress.dns.*}. */
        public static Settings from(EgressConfig.Dns dns) {
            List<InetSocketAddress> servers = dns.servers().orElse(List.of()).stream()
                    .map(NettyHostResolver::serverAddress).toList();
            return new Settings(servers, dns.queryTimeout(), dns.minTtl(), dns.maxTtl(), dns.negativeTtl(),
                    dns.cacheSize());
        }
    }

    private final DnsNameResolver resolver;
    private final EventLoop loop;
    private final Map<String, Future<List<InetAddress>>> inFlight = new ConcurrentHashMap<>();

    @Inject
    public NettyHostResolver(Vertx vertx, EgressConfig config) {
        this(vertx, Settings.from(config.dns()));
    }

    public NettyHostResolver(Vertx vertx, Settings settings) {
        Transport transport = ((VertxInternal) vertx).transport();
        this.loop = vertx.nettyEventLoopGroup().next();
        DnsNameResolverBuilder builder = new DnsNameResolverBuilder(loop)
                .datagramChannelFactory(transport::datagramChannel)
                .queryTimeoutMillis(settings.queryTimeout().toMillis())
                .resolveCache(new BoundedDnsCache(seconds(settings.minTtl()), seconds(settings.maxTtl()),
                        seconds(settings.negativeTtl()), settings.cacheSize()));
        if (!settings.servers().isEmpty()) {
            builder.nameServerProvider(new SequentialDnsServerAddressStreamProvider(settings.servers()));
        }
        this.resolver = builder.build();
    }

    @Override
    public Uni<List<InetAddress>> resolve(String asciiHost) {
        Optional<InetAddress> literal = IpLiterals.parse(asciiHost);
        if (literal.isPresent()) {
            return Uni.createFrom().item(List.of(literal.get()));
        }
        return Uni.createFrom().emitter(emitter -> {
            // answer on the caller's context, so the HTTP request that follows stays on the endpoint's event loop
            Context caller = Vertx.currentContext();
            Future<List<InetAddress>> lookup = shared(asciiHost);
            lookup.addListener(ignored -> {
                Runnable complete = () -> {
                    if (lookup.isSuccess()) {
                        emitter.complete(List.copyOf(lookup.getNow()));
                    } else {
                        emitter.fail(lookup.cause());
                    }
                };
                if (caller == null) {
                    complete.run();
                } else {
                    caller.runOnContext(v -> complete.run());
                }
            });
        });
    }

    /** The lookup of this name already under way, or a new one; it leaves the map when it completes. */
    private Future<List<InetAddress>> shared(String host) {
        Promise<List<InetAddress>> mine = loop.newPromise();
        Future<List<InetAddress>> running = inFlight.putIfAbsent(host, mine);
        if (running != null) {
            return running;
        }
        mine.addListener(done -> inFlight.remove(host, mine));
        resolver.resolveAll(host, mine);
        return mine;
    }

    @PreDestroy
    void close() {
        resolver.close();
    }

    private static int seconds(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toSeconds());
    }

    /** {@code ip} or {@code ip:port} ({@code [v6]:port}); port 53 by default. Names are refused: they need DNS. */
    static InetSocketAddress serverAddress(String text) {
        String host = text.strip();
        int port = 53;
        int colon = host.lastIndexOf(':');
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("hookgate.egress.dns.servers: '" + text + "' lacks a ']'");
            }
            port = close + 1 < host.length() && host.charAt(close + 1) == ':'
                    ? Integer.parseInt(host.substring(close + 2)) : 53;
            host = host.substring(1, close);
        } else if (colon > 0 && host.indexOf(':') == colon) {
            port = Integer.parseInt(host.substring(colon + 1));
            host = host.substring(0, colon);
        }
        InetAddress address = IpLiterals.parse(host).orElseThrow(() -> new IllegalArgumentException(
                "hookgate.egress.dns.servers: '" + text + "' is not an IP address"));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("hookgate.egress.dns.servers: port of '" + text + "' out of range");
        }
        return new InetSocketAddress(address, port);
    }
}
