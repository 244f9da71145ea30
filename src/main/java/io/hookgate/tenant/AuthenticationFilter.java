package io.hookgate.tenant;

import io.hookgate.api.ProblemResponses;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every REST call needs a valid {@code Authorization: Bearer} key (SPEC section 5); it runs before routing so
 * unknown paths reveal nothing to anonymous callers. The key is checked first: a valid key always passes, so
 * nobody's failures can lock out the admin or a tenant that shares their address (everyone behind one
 * ingress, without trusted proxies). Only failures are throttled, per client address: once an address has used
 * its allowance, its invalid keys get 429 instead of 401 (see {@link AuthFailureLimiter} for why that is not a
 * secrecy barrier). The client address is the TCP peer, or the {@code X-Forwarded-For} client when the peer
 * is a trusted proxy: Quarkus resolves that ({@code quarkus.http.proxy.*}) before this filter runs.
 */
public class AuthenticationFilter {

    private final Authenticator authenticator;
    private final AuthFailureLimiter limiter;
    private final CurrentPrincipal current;

    public AuthenticationFilter(Authenticator authenticator, AuthFailureLimiter limiter, CurrentPrincipal current) {
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.current = current;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext context, HttpServerRequest request) {
        return authenticator.authenticate(context.getHeaders().get(HttpHeaders.AUTHORIZATION)).map(principal -> {
            if (principal.isPresent()) {
                current.set(principal.get());
                return null;
            }
            String client = clientAddress(request);
            Optional<Duration> wait = limiter.blockedFor(client);
            limiter.recordFailure(client);
            return wait.map(AuthenticationFilter::tooManyFailures).orElseGet(AuthenticationFilter::unauthorized);
        });
    }

    private static String clientAddress(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }

    private static Response unauthorized() {
        Response problem = ProblemResponses.response(
                ProblemResponses.problem(401, "a valid API key is required: Authorization: Bearer <key>"));
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response tooManyFailures(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Response problem = ProblemResponses.response(
                ProblemResponses.problem(429, "too many failed authentications from this address"));
        return Response.fromResponse(problem).header("Retry-After", seconds).build();
    }
}
