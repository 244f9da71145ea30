package io.hookgate.delivery;

import io.hookgate.egress.TargetUrl;

/**
 * Where deliveries go, as isolation sees it (SPEC §3): one subscription URL, normalised by the egress URL policy
 * (scheme, lower-case ASCII host, explicit port, path and query), so that {@code https://Bücher.example/h} and
 * {@code https://xn--bcher-kva.example:443/h} are one endpoint and two Unicode hosts are two. {@code host} is the
 * host and port, the unit of the per-host ceiling and of the connection pool.
 *
 * @param key the normalised URL; contains the query, so it is never logged
 * @param host {@code host:port}
 */
public record Endpoint(String key, String host) {

    /** The endpoint of a URL that passed the egress URL policy. */
    public static Endpoint of(TargetUrl url) {
        String hostPort = url.host() + ":" + url.port();
        return new Endpoint(url.scheme() + "://" + hostPort + url.pathAndQuery(), hostPort);
    }

    /** A URL the policy refuses still gets a lane of its own: its attempts fail fast with egress_denied. */
    public static Endpoint unparsable(String url) {
        String key = "unparsable:" + url;
        return new Endpoint(key, key);
    }

    @Override
    public String toString() {
        int query = key.indexOf('?');
        return "Endpoint[" + (query < 0 ? key : key.substring(0, query)) + "]";
    }
}
