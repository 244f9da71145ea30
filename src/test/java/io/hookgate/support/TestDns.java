package io.hookgate.support;

import io.hookgate.egress.HostResolver;
import io.hookgate.egress.MutableHostResolver;
import io.hookgate.egress.NettyHostResolver;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's resolver in tests: names under {@code .test} come from a fake DNS that tests can
 * change at any moment (DNS rebinding); everything else resolves as in production.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestDns implements HostResolver {

    public static final MutableHostResolver FAKE = new MutableHostResolver();

    /** Exact host names answered by another resolver instead, e.g. a real one pointed at a black-hole server. */
    public static final Map<String, HostResolver> OVERRIDES = new ConcurrentHashMap<>();

    private final NettyHostResolver system;

    public TestDns(NettyHostResolver system) {
        this.system = system;
    }

    @Override
    public Uni<List<InetAddress>> resolve(String asciiHost) {
        HostResolver override = OVERRIDES.get(asciiHost);
        if (override != null) {
            return override.resolve(asciiHost);
        }
        return asciiHost.endsWith(".test") ? FAKE.resolve(asciiHost) : system.resolve(asciiHost);
    }
}
