package io.hookgate.egress;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.util.Optional;

/**
 * A complete HTTP response head plus at most the configured prefix of its body.
 *
 * @param status the HTTP status code
 * @param headers response headers, case-insensitive, a private copy
 * @param bodyPrefix the first bytes of the body, never more than the caller's limit
 * @param truncated whether the body was longer than the limit (the connection was then closed)
 * @param latency time from sending the request to the end of reading
 */
public record HttpResult(int status, MultiMap headers, byte[] bodyPrefix, boolean truncated, Duration latency) {

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** A printable, at most 1 KiB excerpt of the body for the attempt log. */
    public String excerpt() {
        return ResponseExcerpt.of(bodyPrefix);
    }
}
