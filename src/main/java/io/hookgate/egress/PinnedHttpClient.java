package io.hookgate.egress;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * The one outbound HTTP client. It dials exactly the pinned address while the Host header, SNI and
 * certificate check use the URL's host; it never follows redirects and never decompresses.
 */
// created at boot on the main thread: a client created lazily on an HTTP verticle's context would be
// closed with that verticle when the server shuts down, cutting in-flight deliveries
@Startup
@ApplicationScoped
public class PinnedHttpClient {

    /**
     * Client-wide limits.
     *
     * @param maxConnectionsPerHost pool size per (address, host, port)
     * @param maxWaitQueue requests that may wait for a pooled connection
     * @param connectTimeout TCP and TLS connect limit
     * @param idleTimeout how long an unused connection is kept
     */
    public record Settings(int maxConnectionsPerHost, int maxWaitQueue, Duration connectTimeout, Duration idleTimeout) {

        public Settings {
            if (maxConnectionsPerHost < 1 || maxWaitQueue < 0) {
                throw new IllegalArgumentException("pool size must be >= 1 and wait queue >= 0");
            }
            if (!isPositive(connectTimeout) || !isPositive(idleTimeout)) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }

        private static boolean isPositive(Duration duration) {
            return !duration.isNegative() && !duration.isZero();
        }

        /** Settings from the typed configuration. */
        public static Settings from(EgressConfig config) {
            return new Settings(config.maxConnectionsPerHost(), config.maxWaitQueue(),
                    config.connectTimeout(), config.idleTimeout());
        }
    }

    private static final Logger LOG = Logger.getLogger(PinnedHttpClient.class);

    private final Vertx vertx;
    private final Duration connectTimeout;
    private final HttpClient namedHostClient;
    private final HttpClient literalHostClient;

    @Inject
    public PinnedHttpClient(Vertx vertx, EgressConfig config) {
        this(vertx, Settings.from(config));
    }

    public PinnedHttpClient(Vertx vertx, Settings settings) {
        this.vertx = vertx;
        this.connectTimeout = settings.connectTimeout();
        PoolOptions pool = new PoolOptions()
                .setHttp1MaxSize(settings.maxConnectionsPerHost())
                .setMaxWaitQueueSize(settings.maxWaitQueue());
        this.namedHostClient = createClient(vertx, clientOptions(settings).setForceSni(true), pool);
        // SNI must not carry an IP literal (RFC 6066), and the JDK rejects an IPv6 one outright
        this.literalHostClient = createClient(vertx, clientOptions(settings).setForceSni(false), pool);
    }

    private static HttpClient createClient(Vertx vertx, HttpClientOptions options, PoolOptions pool) {
        return vertx.httpClientBuilder().with(options).with(pool)
                .withConnectHandler(connection -> connection.exceptionHandler(PinnedHttpClient::connectionFailed))
                .build();
    }

    // Vert.x closes the connection and fails its requests (recorded as connection_reset); unhandled, it logs ERROR
    private static void connectionFailed(Throwable failure) {
        LOG.debugf("egress connection failed: %s", failure.toString());
    }

    /**
     * Sends one request to the pinned address and reads at most {@code maxResponseBytes} of the body.
     * Any non-2xx status is a normal result; transport failures fail with {@link EgressCallException}.
     *
     * @param headers request headers; a caller-supplied Host is replaced by the URL's authority
     * @param body the request body, or null for none
     * @param timeout deadline for the whole exchange, connect included
     */
    public Uni<HttpResult> send(PinnedTarget target, HttpMethod method, Map<String, String> headers, byte[] body,
            Duration timeout, int maxResponseBytes) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(method, "method");
        if (timeout.isNegative() || timeout.isZero() || maxResponseBytes < 0) {
            throw new IllegalArgumentException("timeout must be positive and maxResponseBytes >= 0");
        }
        RequestOptions options = requestOptions(target, method, headers, timeout);
        HttpClient client = target.url().isIpLiteral() ? literalHostClient : namedHostClient;
        return Uni.createFrom().emitter(emitter -> new PinnedExchange(vertx, client, options, body, timeout,
                maxResponseBytes, emitter, target.url().redacted()).start());
    }

    @PreDestroy
    void close() {
        namedHostClient.close();
        literalHostClient.close();
    }

    private RequestOptions requestOptions(PinnedTarget target, HttpMethod method, Map<String, String> headers,
            Duration timeout) {
        TargetUrl url = target.url();
        MultiMap requestHeaders = HttpHeaders.headers();
        if (headers != null) {
            headers.forEach(requestHeaders::set);
        }
        requestHeaders.set(HttpHeaders.HOST, url.authority());
        return new RequestOptions()
                .setMethod(method)
                // dial the checked bytes; host/port below only name the peer for Host, SNI and certificate checks
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), url.port())))
                .setHost(url.host())
                .setPort(url.port())
                .setSsl(url.https())
                .setURI(url.pathAndQuery())
                .setHeaders(requestHeaders)
                .setFollowRedirects(false)
                .setConnectTimeout(Math.min(connectTimeout.toMillis(), timeout.toMillis()))
                .setIdleTimeout(timeout.toMillis());
    }

    private static HttpClientOptions clientOptions(Settings settings) {
        int idleSeconds = (int) Math.max(1, settings.idleTimeout().toSeconds());
        return new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout(idleSeconds)
                .setIdleTimeout(idleSeconds)
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setMaxRedirects(0)
                .setDecompressionSupported(false)
                .setVerifyHost(true)
                .setTrustAll(false);
    }
}
