package io.hookgate.support;

import io.hookgate.egress.HostResolver;
import io.hookgate.egress.MutableHostResolver;
import io.hookgate.egress.SystemHostResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.net.InetAddress;
import java.util.List;

/**
 * The gateway's resolver in tests: names under {@code .test} come from a fake DNS that tests can
 * change at any moment (DNS rebinding); everything else resolves as in production.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestDns implements HostResolver {

    public static final MutableHostResolver FAKE = new MutableHostResolver();

    private final SystemHostResolver system;

    public TestDns(Vertx vertx) {
        this.system = new SystemHostResolver(vertx);
    }

    @Override
    public Uni<List<InetAddress>> resolve(String asciiHost) {
        return asciiHost.endsWith(".test") ? FAKE.resolve(asciiHost) : system.resolve(asciiHost);
    }
}
