package io.hookgate.egress;

import io.smallrye.mutiny.Uni;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake DNS whose answers can change between lookups, to simulate rebinding. Unknown names fail
 * with {@link UnknownHostException}; every lookup is counted.
 */
public final class MutableHostResolver implements HostResolver {

    private final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    /** Makes {@code host} resolve to the given IP literals from now on. */
    public MutableHostResolver map(String host, String... addresses) {
        answers.put(host, Arrays.stream(addresses).map(MutableHostResolver::literal).toList());
        return this;
    }

    /** Makes {@code host} resolve to no address at all. */
    public MutableHostResolver mapToNothing(String host) {
        answers.put(host, List.of());
        return this;
    }

    /** Forgets {@code host}, so it no longer resolves. */
    public MutableHostResolver remove(String host) {
        answers.remove(host);
        return this;
    }

    /** How many lookups were made. */
    public int lookups() {
        return lookups.get();
    }

    @Override
    public Uni<List<InetAddress>> resolve(String asciiHost) {
        lookups.incrementAndGet();
        List<InetAddress> answer = answers.get(asciiHost);
        return answer == null
                ? Uni.createFrom().failure(new UnknownHostException(asciiHost))
                : Uni.createFrom().item(answer);
    }

    private static InetAddress literal(String text) {
        return IpLiterals.parse(text).orElseThrow(() -> new IllegalArgumentException("not an IP literal: " + text));
    }
}
