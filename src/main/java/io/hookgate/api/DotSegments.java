package io.hookgate.api;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Refuses a request whose path has a {@code .} or {@code ..} segment, plain or percent-encoded, with a 400 problem.
 * The router resolves such segments before matching, so {@code DELETE …/consumers/..} deleted the subscription
 * itself (found by a black-box fuzz); no Hookgate path has one, so nothing a client means is refused.
 */
@ApplicationScoped
public class DotSegments {

    // first of all routes: nothing may act on a path the router would rewrite
    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::check);
    }

    void check(RoutingContext ctx) {
        if (!hasDotSegment(ctx.request().path())) {
            ctx.next();
            return;
        }
        byte[] body = ProblemResponses.bytes(ProblemResponses.problem(400,
                "a path segment may not be \".\" or \"..\""));
        ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Buffer.buffer(body));
    }

    /** True when a segment of the raw, undecoded path is {@code .} or {@code ..}, any dot possibly {@code %2e}. */
    static boolean hasDotSegment(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            String dots = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (dots.equals(".") || dots.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
