package io.hookgate.egress;

import io.smallrye.mutiny.Uni;
import java.net.InetAddress;
import java.util.List;

/**
 * Resolves a host name to every address it currently maps to. Injectable so that tests and the
 * reliability suite can simulate DNS answers, including rebinding between two lookups.
 */
public interface HostResolver {

    /**
     * Resolves an ASCII host name (or an unbracketed IP literal) without blocking the caller.
     *
     * @return all addresses; fails with {@link java.net.UnknownHostException} when the name does not exist
     */
    Uni<List<InetAddress>> resolve(String asciiHost);
}
