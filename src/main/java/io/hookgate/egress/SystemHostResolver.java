package io.hookgate.egress;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/** Resolves with the JDK resolver (honours /etc/hosts and the JVM DNS cache). */
@ApplicationScoped
@DefaultBean
public class SystemHostResolver implements HostResolver {

    private final Vertx vertx;

    public SystemHostResolver(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Uni<List<InetAddress>> resolve(String asciiHost) {
        Optional<InetAddress> literal = IpLiterals.parse(asciiHost);
        if (literal.isPresent()) {
            return Uni.createFrom().item(List.of(literal.get()));
        }
        // InetAddress lookups block; executeBlocking runs them on a worker and resumes on the caller's context
        return Uni.createFrom().emitter(emitter -> vertx.executeBlocking(() -> lookup(asciiHost), false)
                .onSuccess(emitter::complete)
                .onFailure(emitter::fail));
    }

    private static List<InetAddress> lookup(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
