package io.hookgate.egress;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an outbound call may reach an address: only globally routable addresses, unless
 * the address lies inside an operator-configured allow CIDR. The table is explicit because the JDK's
 * {@code isSiteLocalAddress()} and friends miss CGNAT, ULA, NAT64 and 6to4.
 */
public final class AddressClassifier {

    /** A named denied range. */
    record DeniedRange(String name, Cidr cidr) {
    }

    /** An IPv6 prefix that carries an IPv4 address at a known byte offset (Teredo stores it inverted). */
    private record Embedding(String name, Cidr cidr, int offset, boolean inverted) {
    }

    static final List<DeniedRange> IPV4_DENIED = List.of(
            range("unspecified", "0.0.0.0/8"),
            range("private", "10.0.0.0/8"),
            range("cgnat", "100.64.0.0/10"),
            range("loopback", "127.0.0.0/8"),
            range("link-local", "169.254.0.0/16"),
            range("private", "172.16.0.0/12"),
            range("ietf-protocol", "192.0.0.0/24"),
            range("documentation", "192.0.2.0/24"),
            range("6to4-relay", "192.88.99.0/24"),
            range("private", "192.168.0.0/16"),
            range("benchmarking", "198.18.0.0/15"),
            range("documentation", "198.51.100.0/24"),
            range("documentation", "203.0.113.0/24"),
            range("multicast", "224.0.0.0/4"),
            range("broadcast", "255.255.255.255/32"),
            range("reserved", "240.0.0.0/4"));

    static final List<DeniedRange> IPV6_DENIED = List.of(
            range("unspecified", "::/128"),
            range("loopback", "::1/128"),
            range("discard", "100::/64"),
            range("local-nat64", "64:ff9b:1::/48"),
            range("benchmarking", "2001:2::/48"),
            range("orchid", "2001:10::/28"),
            range("orchid-v2", "2001:20::/28"),
            range("documentation", "2001:db8::/32"),
            range("documentation", "3fff::/20"),
            range("unique-local", "fc00::/7"),
            range("link-local", "fe80::/10"),
            range("site-local", "fec0::/10"),
            range("multicast", "ff00::/8"));

    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding("ipv4-mapped", Cidr.parse("::ffff:0:0/96"), 12, false),
            new Embedding("ipv4-translated", Cidr.parse("::ffff:0:0:0/96"), 12, false),
            new Embedding("ipv4-compatible", Cidr.parse("::/96"), 12, false),
            new Embedding("nat64", Cidr.parse("64:ff9b::/96"), 12, false),
            new Embedding("6to4", Cidr.parse("2002::/16"), 2, false),
            new Embedding("teredo", Cidr.parse("2001::/32"), 12, true));

    /** Every allocated global unicast IPv6 address lies here; anything else is not publicly routable. */
    private static final Cidr IPV6_GLOBAL_UNICAST = Cidr.parse("2000::/3");

    private final List<Cidr> allowCidrs;

    public AddressClassifier(List<Cidr> allowCidrs) {
        this.allowCidrs = List.copyOf(allowCidrs);
    }

    /** Whether a connection to this address is permitted. */
    public boolean isAllowed(InetAddress address) {
        return denial(address).isEmpty();
    }

    /** The name of the denied range the address falls in, or empty when the address is allowed. */
    public Optional<String> denial(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (allowCidrs.stream().anyMatch(cidr -> cidr.contains(bytes))) {
            return Optional.empty();
        }
        return bytes.length == 4 ? ipv4Denial(bytes) : ipv6Denial(bytes);
    }

    private static Optional<String> ipv4Denial(byte[] bytes) {
        return IPV4_DENIED.stream().filter(r -> r.cidr().contains(bytes)).map(DeniedRange::name).findFirst();
    }

    private static Optional<String> ipv6Denial(byte[] bytes) {
        Optional<String> listed = IPV6_DENIED.stream()
                .filter(r -> r.cidr().contains(bytes)).map(DeniedRange::name).findFirst();
        if (listed.isPresent()) {
            return listed;
        }
        for (Embedding embedding : EMBEDDINGS) {
            if (embedding.cidr().contains(bytes)) {
                return ipv4Denial(embedded(bytes, embedding)).map(inner -> embedding.name() + "(" + inner + ")");
            }
        }
        return IPV6_GLOBAL_UNICAST.contains(bytes) ? Optional.empty() : Optional.of("not-global-unicast");
    }

    private static byte[] embedded(byte[] bytes, Embedding embedding) {
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (embedding.inverted() ? ~bytes[embedding.offset() + i] : bytes[embedding.offset() + i]);
        }
        return v4;
    }

    private static DeniedRange range(String name, String cidr) {
        return new DeniedRange(name, Cidr.parse(cidr));
    }
}
