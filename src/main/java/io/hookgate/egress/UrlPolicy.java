package io.hookgate.egress;

import io.hookgate.egress.EgressDeniedException.Reason;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parser for subscriber URLs. It does not use {@link java.net.URI}: the JDK, Netty and curl
 * disagree on hosts such as {@code 2130706433} or {@code 0177.0.0.1}, so anything ambiguous is refused.
 */
public final class UrlPolicy {

    /** Longest URL accepted, in characters. */
    public static final int MAX_LENGTH = 2048;

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");

    private final boolean allowHttp;

    public UrlPolicy(boolean allowHttp) {
        this.allowHttp = allowHttp;
    }

    /**
     * Parses and normalises a URL.
     *
     * @throws EgressDeniedException with a reason code when the URL breaks a rule
     */
    public TargetUrl parse(String url) {
        if (url == null || url.isEmpty()) {
            throw deny(Reason.INVALID_URL, "URL is empty");
        }
        if (url.length() > MAX_LENGTH) {
            throw deny(Reason.TOO_LONG, "URL is longer than " + MAX_LENGTH + " characters");
        }
        Matcher matcher = SCHEME.matcher(url);
        if (!matcher.find()) {
            throw deny(Reason.INVALID_URL, "URL is not absolute");
        }
        String scheme = checkScheme(matcher.group(1).toLowerCase(Locale.ROOT));
        String rest = url.substring(matcher.end());
        if (!rest.startsWith("//")) {
            throw deny(Reason.INVALID_URL, "URL has no authority");
        }
        if (rest.indexOf('#') >= 0) {
            throw deny(Reason.FRAGMENT, "URL must not have a fragment");
        }
        int authorityEnd = indexOfPathOrQuery(rest, 2);
        String authority = rest.substring(2, authorityEnd);
        if (authority.indexOf('@') >= 0) {
            throw deny(Reason.USERINFO, "URL must not carry credentials");
        }
        String pathAndQuery = pathAndQuery(rest.substring(authorityEnd));
        return hostAndPort(scheme, authority, pathAndQuery);
    }

    private String checkScheme(String scheme) {
        if ("https".equals(scheme) || ("http".equals(scheme) && allowHttp)) {
            return scheme;
        }
        String why = "http".equals(scheme) ? "plain http is not enabled"
                : allowHttp ? "scheme must be http or https" : "scheme must be https";
        throw deny(Reason.SCHEME_NOT_ALLOWED, why);
    }

    private static String pathAndQuery(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                throw deny(Reason.INVALID_URL, "path or query has a character that must be percent-encoded");
            }
        }
        if (raw.isEmpty()) {
            return "/";
        }
        return raw.charAt(0) == '?' ? "/" + raw : raw;
    }

    private static TargetUrl hostAndPort(String scheme, String authority, String pathAndQuery) {
        String host;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = close < 0 ? "" : authority.substring(1, close).toLowerCase(Locale.ROOT);
            if (IpLiterals.parseIpv6(host) == null) {
                throw deny(Reason.INVALID_HOST, "invalid IPv6 literal");
            }
            portText = authority.substring(close + 1);
        } else {
            int colon = authority.indexOf(':');
            host = normaliseName(colon < 0 ? authority : authority.substring(0, colon));
            portText = colon < 0 ? "" : authority.substring(colon);
        }
        return new TargetUrl(scheme, host, port(portText, TargetUrl.defaultPort(scheme)), pathAndQuery);
    }

    /** IDN to ASCII (this folds full-width digits, circled letters and ideographic dots), then LDH checks. */
    private static String normaliseName(String raw) {
        if (raw.isEmpty()) {
            throw deny(Reason.INVALID_HOST, "URL has no host");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(raw, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw deny(Reason.INVALID_HOST, "host is not a valid domain name");
        }
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw deny(Reason.INVALID_HOST, "host is not a valid domain name");
            }
        }
        if (ascii.length() > 253) {
            throw deny(Reason.INVALID_HOST, "host is too long");
        }
        // a name ending in a number is an IPv4 address to some parser; accept only the canonical form
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches() && IpLiterals.parseIpv4(ascii) == null) {
            throw deny(Reason.INVALID_HOST, "numeric host must be a dotted-quad IPv4 address");
        }
        return ascii;
    }

    private static int port(String text, int defaultPort) {
        if (text.isEmpty()) {
            return defaultPort;
        }
        String digits = text.substring(1);
        if (text.charAt(0) != ':' || digits.isEmpty() || digits.length() > 5
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw deny(Reason.INVALID_PORT, "port must be a number 1-65535");
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw deny(Reason.INVALID_PORT, "port must be a number 1-65535");
        }
        return port;
    }

    private static int indexOfPathOrQuery(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return text.length();
    }

    private static EgressDeniedException deny(Reason reason, String message) {
        return new EgressDeniedException(reason, message);
    }
}
