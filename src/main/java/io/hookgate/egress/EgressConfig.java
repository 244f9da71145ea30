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

    /** How long a DNS lookup may take before the URL is refused with {@code dns_failure}. */
    @WithDefault("5s")
    Duration resolveTimeout();

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
}
