package io.hookgate.support;

import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Listening ports that no earlier test server of this build had. Subscriptions outlive their tests (tenants for all
 * rooms receive every later event), and the kernel hands a closed port out again within a few hundred binds: a new
 * receiver on an old port would then share that dead URL's open circuit breaker and receive its deliveries. The
 * ports used are kept in {@code target/} for a few hours, so the integration tests' JVM avoids the unit tests' too.
 */
public final class FreshPorts {

    private static final Path USED = Path.of("target", "used-test-ports");
    private static final Duration REMEMBERED = Duration.ofHours(3);
    private static final int ATTEMPTS = 200;

    private FreshPorts() {
    }

    /** Listens on port 0 of {@code host} with servers from {@code create} until one gets a port never used before. */
    public static HttpServer listen(Supplier<HttpServer> create, String host) throws Exception {
        return bind(() -> create.get().listen(0, host).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS), FreshPorts::claim);
    }

    /** The first server {@code bind} returns whose port {@code fresh} accepts; the refused ones are closed after. */
    static HttpServer bind(Binder bind, IntPredicate fresh) throws Exception {
        List<HttpServer> refused = new ArrayList<>();
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                HttpServer server = bind.bind();
                if (fresh.test(server.actualPort())) {
                    return server;
                }
                // kept open until a fresh port is found, so the kernel cannot hand the same one back at once
                refused.add(server);
            }
            throw new IllegalStateException("no unused port after " + ATTEMPTS + " binds");
        } finally {
            for (HttpServer server : refused) {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Records the port as used; false when a server of this build (in any JVM, lately) had it already. */
    static synchronized boolean claim(int port) {
        if (used().contains(port)) {
            return false;
        }
        try {
            Files.createDirectories(USED.getParent());
            Files.writeString(USED, port + " " + Instant.now().getEpochSecond() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    private static Set<Integer> used() {
        Set<Integer> ports = new HashSet<>();
        if (!Files.exists(USED)) {
            return ports;
        }
        long since = Instant.now().minus(REMEMBERED).getEpochSecond();
        try {
            for (String line : Files.readAllLines(USED, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2 && Long.parseLong(parts[1]) >= since) {
                    ports.add(Integer.parseInt(parts[0]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ports;
    }

    /** Creates a server listening on port 0. */
    @FunctionalInterface
    interface Binder {
        HttpServer bind() throws Exception;
    }
}
