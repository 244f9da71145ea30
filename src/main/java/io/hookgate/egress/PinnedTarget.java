package io.hookgate.egress;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A checked URL plus the one address it was checked against; the HTTP client connects only there.
 *
 * @param url the parsed URL, whose host is still used for the Host header and TLS
 * @param address the allowed address to dial, without a host name attached
 */
public record PinnedTarget(TargetUrl url, InetAddress address) {

    public PinnedTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
        return url.redacted() + " -> " + address.getHostAddress();
    }
}
