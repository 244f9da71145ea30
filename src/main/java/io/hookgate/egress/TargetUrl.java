package io.hookgate.egress;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A URL that passed {@link UrlPolicy}: http(s), normalised ASCII host, explicit port.
 * {@link #toString()} is the redacted form, so a stray log line never shows the query.
 *
 * @param scheme {@code http} or {@code https}
 * @param host lower-case ASCII host; an IPv6 literal is stored without brackets
 * @param port the explicit port, or 80/443 by scheme
 * @param pathAndQuery raw path plus query, starting with {@code /}
 */
public record TargetUrl(String scheme, String host, int port, String pathAndQuery) {

    public TargetUrl {
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("scheme must be http or https");
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("pathAndQuery must start with /");
        }
    }

    /** Whether the call uses TLS. */
    public boolean https() {
        return "https".equals(scheme);
    }

    /** Whether the host is an IP literal, which needs no DNS. */
    public boolean isIpLiteral() {
        return IpLiterals.isLiteral(host);
    }

    /** The Host header value: brackets around IPv6, port omitted when it is the scheme default. */
    public String authority() {
        String bracketed = bracketedHost();
        return port == defaultPort(scheme) ? bracketed : bracketed + ":" + port;
    }

    /** {@code scheme://host:port/path} without the query, safe for logs. */
    public String redacted() {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        return scheme + "://" + bracketedHost() + ":" + port + path;
    }

    /** The full normalised URL, query included; do not log it. */
    public String toExternalForm() {
        return scheme + "://" + authority() + pathAndQuery;
    }

    /** A copy with {@code name=value} appended to the query, both URL-encoded; an existing query is kept. */
    public TargetUrl withQueryParam(String name, String value) {
        String separator = pathAndQuery.indexOf('?') < 0 ? "?" : pathAndQuery.endsWith("?") ? "" : "&";
        return new TargetUrl(scheme, host, port, pathAndQuery + separator + encode(name) + "=" + encode(value));
    }

    @Override
    public String toString() {
        return redacted();
    }

    static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    private String bracketedHost() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private static String encode(String text) {
        // URLEncoder is form encoding; a literal '+' becomes %2B, so every remaining '+' was a space
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
