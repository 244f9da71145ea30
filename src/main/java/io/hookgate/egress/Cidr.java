package io.hookgate.egress;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address range, matched on raw address bytes.
 *
 * @param network the network address bytes (4 or 16), with all host bits zero
 * @param prefixLength the number of leading bits that must match
 */
public record Cidr(byte[] network, int prefixLength) {

    public Cidr {
        Objects.requireNonNull(network, "network");
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("network must have 4 or 16 bytes");
        }
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        network = network.clone();
        if (!hostBitsZero(network, prefixLength)) {
            throw new IllegalArgumentException("host bits are set beyond /" + prefixLength);
        }
    }

    /**
     * Parses {@code address/prefix} (or a bare address, meaning a single host) in canonical literal form.
     *
     * @throws IllegalArgumentException with a message naming the bad value
     */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty CIDR");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = IpLiterals.parseIpv4(addressText);
        if (bytes == null) {
            bytes = IpLiterals.parseIpv6(addressText);
        }
        if (bytes == null) {
            throw new IllegalArgumentException("invalid CIDR '" + trimmed + "': not a canonical IP address");
        }
        int prefix = slash < 0 ? bytes.length * 8 : prefix(trimmed, trimmed.substring(slash + 1), bytes.length * 8);
        try {
            return new Cidr(bytes, prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid CIDR '" + trimmed + "': " + e.getMessage(), e);
        }
    }

    /** Whether the address has this range's family and its leading prefix bits match. */
    public boolean contains(InetAddress address) {
        return address != null && contains(address.getAddress());
    }

    /** Whether the raw address bytes (4 or 16) fall inside this range. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - remainingBits)) & 0xff;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return IpLiterals.format(network) + "/" + prefixLength;
    }

    private static int prefix(String whole, String text, int maxBits) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("invalid CIDR '" + whole + "': prefix must be a number 0-" + maxBits);
        }
        int prefix = Integer.parseInt(text);
        if (prefix > maxBits) {
            throw new IllegalArgumentException("invalid CIDR '" + whole + "': prefix must be a number 0-" + maxBits);
        }
        return prefix;
    }

    private static boolean hostBitsZero(byte[] bytes, int prefixLength) {
        for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }
}
