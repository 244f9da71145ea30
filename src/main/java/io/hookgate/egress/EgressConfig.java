package io.hookgate.egress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Outbound call policy: which URLs and addresses may be called, and how the shared HTTP client behaves. */
@ConfigMapping(prefix = "hookgate.egress")
public interface EgressConfig {

    /** Whether plain {@code http} URLs are accepted; only for dev and test. */
    @WithDefault("false")
    boolean allowHttp();

    /** Comma-separated CIDRs that are allowed even though they are not public, e.g. {@code 127.0.0.0/8,::1/128}. */
    Optional<List<@WithConverter(CidrConverter.class) Cidr>> allowCidrs();

    /** How long a whole DNS lookup (every query and search domain) may take before it fails as {@code dns_failure}. */
    @WithDefault("5s")
    Duration resolveTimeout();

    /** The non-blocking DNS resolver: {@code hookgate.egress.dns.*}. */
    Dns dns();

    /** Most open connections per (address, host, port) pool. */
    @WithDefault("16")
    int maxConnectionsPerHost();

    /** Most requests waiting for a pooled connection; beyond this a call fails fast with {@code too_busy}. */
    @WithDefault("256")
    int maxWaitQueue();

    /** Time allowed to establish a TCP (and TLS) connection. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long an unused pooled connection is kept open. */
    @WithDefault("60s")
    Duration idleTimeout();

    /**
     * DNS resolution on the event loops (Netty's resolver): name servers, search domains and {@code ndots} come
     * from {@code /etc/resolv.conf} and {@code /etc/hosts} is honoured, as with the system resolver.
     */
    interface Dns {

        /** Name servers as {@code ip} or {@code ip:port}, tried in order; unset means those of /etc/resolv.conf. */
        Optional<List<String>> servers();

        /** How long one DNS query may take before the next server (or the next try) is asked. */
        @WithDefault("2s")
        Duration queryTimeout();

        /** Least time an answer is cached, whatever its TTL says. */
        @WithDefault("0s")
        Duration minTtl();

        /** Most time an answer is cached, whatever its TTL says; every attempt still checks the cached addresses. */
        @WithDefault("5m")
        Duration maxTtl();

        /** How long a name that does not exist is remembered as such. */
        @WithDefault("10s")
        Duration negativeTtl();

        /** Most host names whose answers are cached at once; past it the cache starts over. */
        @WithDefault("10000")
        int cacheSize();
    }
}
