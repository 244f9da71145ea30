package io.hookgate.pull.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.pull.PullCursor;
import io.hookgate.pull.PullMetrics;
import io.hookgate.pull.PullParams;
import io.hookgate.pull.PullReader;
import io.hookgate.pull.wake.TooManyWaitersException;
import io.hookgate.subscription.SubscriptionRow;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Holds {@code GET /v1/subscriptions/{id}/messages?wait=N} below the REST layer: a call that waits keeps only its
 * Vert.x request and one {@link PullReader} poll, not a Quarkus REST request context, a CDI request scope and the
 * captured contexts of a pending Mutiny chain (docs/BENCHMARKS.md, "Memory per held long-poll"). It answers the page
 * and the waiter bounds' 429 or 503; anything else the REST resource would refuse (no or bad key, bad parameters,
 * 404, 409) or fail on is handed to {@link MessagesResource}, which stays the one place that shapes those answers.
 */
@ApplicationScoped
public class LongPollRoute {

    /** Routing-context key: this call already waited here; the REST resource reads without waiting again. */
    static final String WAITED = "hookgate.pull.waited";
    private static final String PATH = "/v1/subscriptions/:id/messages";
    private static final Logger LOG = Logger.getLogger(LongPollRoute.class);

    private final PullCallStarts starts;
    private final PullReader reader;
    private final ObjectMapper mapper;

    public LongPollRoute(PullCallStarts starts, PullReader reader, ObjectMapper mapper) {
        this.starts = starts;
        this.reader = reader;
        this.mapper = mapper;
    }

    // after the body limits and before the REST layer's own route
    void install(@Observes Router router) {
        router.get(PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        Optional<Request> request = Request.of(ctx.request());
        if (request.isEmpty()) {
            ctx.next();
            return;
        }
        Context context = Vertx.currentContext();
        starts.start(ctx.request().headers(), ctx.pathParam("id"), request.get().after(), request.get().consumer())
                .subscribe().with(start -> context.runOnContext(v -> {
                    if (start == null) {
                        ctx.next();
                    } else {
                        hold(ctx, context, start, request.get());
                    }
                }), refused -> context.runOnContext(v -> {
                    if (refused instanceof TooManyWaitersException) {
                        failed(ctx, refused);
                    } else {
                        ctx.next();
                    }
                }));
    }

    private void hold(RoutingContext ctx, Context context, PullStream.Start start, Request request) {
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended()) {
            return;
        }
        Runnable cancel = reader.hold(start.subscription(), start.from(), request.limit(), request.waitFor(),
                (read, failure) -> context.runOnContext(v -> {
                    response.closeHandler(null);
                    if (failure == null) {
                        answer(ctx, start.subscription(), read);
                    } else {
                        failed(ctx, failure);
                    }
                }));
        // a client that goes away forgets its waiter at once, not when its wait ends
        response.closeHandler(v -> cancel.run());
    }

    private void answer(RoutingContext ctx, SubscriptionRow subscription, PullReader.Read read) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(reader.render(subscription, read, PullMetrics.Via.POLL));
        } catch (JsonProcessingException | RuntimeException e) {
            failed(ctx, e);
            return;
        }
        HttpServerResponse response = ctx.response();
        if (!response.closed() && !response.ended()) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8").end(Buffer.buffer(body));
        }
    }

    private void failed(RoutingContext ctx, Throwable failure) {
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended()) {
            return;
        }
        if (failure instanceof TooManyWaitersException tooMany) {
            TooManyWaitersMapper.answer(response, tooMany);
            return;
        }
        // the read failed after the wait: the REST resource reads once more, without waiting, and answers for it
        LOG.debugf("long-poll read failed, handing the call to the REST resource: %s", failure.toString());
        ctx.put(WAITED, Boolean.TRUE);
        ctx.next();
    }

    /** A long-poll's parameters; empty when the call does not wait or a parameter is bad (REST answers 400). */
    record Request(Optional<PullCursor> after, int limit, Duration waitFor, String consumer) {

        static Optional<Request> of(HttpServerRequest http) {
            try {
                Duration wait = PullParams.waitFor(http.getParam("wait"));
                if (wait.isZero()) {
                    return Optional.empty();
                }
                String consumer = http.getParam("consumer");
                if (consumer != null) {
                    PullParams.consumerName(consumer);
                }
                return Optional.of(new Request(PullParams.cursor(http.getParam("after"), "after"),
                        PullParams.limit(http.getParam("limit")), wait, consumer));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
