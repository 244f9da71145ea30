package io.hookgate.inbound.ingest;

import io.hookgate.egress.Cidr;
import io.hookgate.egress.IpLiterals;
import java.util.Arrays;
import java.util.List;

/** Whether a client address (already resolved through trusted proxies by Quarkus) lies in {@code allow_cidrs}. */
final class ClientAddress {

    private ClientAddress() {
    }

    /** True when {@code cidrs} is null (any address) or one range contains {@code host}; an unparsable host never. */
    static boolean allowed(List<String> cidrs, String host) {
        if (cidrs == null) {
            return true;
        }
        byte[] address = bytes(host);
        if (address == null) {
            return false;
        }
        for (String cidr : cidrs) {
            if (Cidr.parse(cidr).contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The raw address; an IPv4-mapped IPv6 address counts as its IPv4 address. */
    static byte[] bytes(String host) {
        if (host == null) {
            return null;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] v4 = IpLiterals.parseIpv4(h);
        if (v4 != null) {
            return v4;
        }
        byte[] v6 = IpLiterals.parseIpv6(h);
        if (v6 != null && isV4Mapped(v6)) {
            return Arrays.copyOfRange(v6, 12, 16);
        }
        return v6;
    }

    private static boolean isV4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }
}
