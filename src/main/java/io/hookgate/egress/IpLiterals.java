package io.hookgate.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Strict parser for IP literals in canonical form only: dotted-quad IPv4 (four decimal parts, no
 * leading zeros) and IPv6 text without zone id. The JDK and Netty accept looser forms
 * ({@code 127.1}, {@code 0177.0.0.1}, {@code 2130706433}) that they disagree about, so we never use them.
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /** The address for a canonical IPv4 or (unbracketed) IPv6 literal, built from bytes without DNS. */
    public static Optional<InetAddress> parse(String text) {
        byte[] bytes = parseIpv4(text);
        if (bytes == null) {
            bytes = parseIpv6(text);
        }
        return bytes == null ? Optional.empty() : Optional.of(fromBytes(bytes));
    }

    /** Whether the text is a canonical IPv4 or IPv6 literal. */
    public static boolean isLiteral(String text) {
        return parseIpv4(text) != null || parseIpv6(text) != null;
    }

    /** Four bytes for {@code a.b.c.d} with each part 0-255 and no leading zeros, else null. */
    public static byte[] parseIpv4(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = decimalOctet(parts[i]);
            if (value < 0) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /** Sixteen bytes for an IPv6 literal (optionally with a trailing dotted quad), else null. */
    public static byte[] parseIpv6(String text) {
        if (text == null || text.length() < 2 || text.length() > 45 || text.indexOf(':') < 0) {
            return null;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        byte[] tail = gap < 0 ? new byte[0] : groups(text.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int used = head.length + tail.length;
        if (gap < 0 ? used != 16 : used > 14) {
            return null;
        }
        byte[] bytes = new byte[16];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, 16 - tail.length, tail.length);
        return bytes;
    }

    /** Bytes of colon-separated hex groups; the last group may be a dotted quad when allowed. */
    private static byte[] groups(String text, boolean quadAllowedAtEnd) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        String[] parts = text.split(":", -1);
        byte[] out = new byte[parts.length * 2 + 2];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && quadAllowedAtEnd && part.indexOf('.') >= 0) {
                byte[] quad = parseIpv4(part);
                if (quad == null) {
                    return null;
                }
                System.arraycopy(quad, 0, out, n, 4);
                n += 4;
            } else {
                int value = hexGroup(part);
                if (value < 0) {
                    return null;
                }
                out[n++] = (byte) (value >>> 8);
                out[n++] = (byte) value;
            }
        }
        byte[] result = new byte[n];
        System.arraycopy(out, 0, result, 0, n);
        return result;
    }

    private static int decimalOctet(String part) {
        if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    private static int hexGroup(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            int digit = hexDigit(part.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** Text of raw address bytes; 16 bytes always print as IPv6, even the IPv4-mapped ones. */
    static String format(byte[] bytes) {
        try {
            return bytes.length == 16
                    ? Inet6Address.getByAddress(null, bytes, -1).getHostAddress()
                    : InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address must have 4 or 16 bytes", e);
        }
    }

    static InetAddress fromBytes(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address must have 4 or 16 bytes", e);
        }
    }
}
