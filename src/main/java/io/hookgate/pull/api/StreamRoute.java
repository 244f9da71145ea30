package io.hookgate.pull.api;

import io.hookgate.pull.PullConfig;
import io.hookgate.pull.PullCursor;
import io.hookgate.pull.PullParams;
import io.hookgate.pull.PullReader;
import io.hookgate.pull.PullSubscriptions;
import io.hookgate.pull.wake.TooManyWaitersException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Serves {@code GET /v1/subscriptions/{id}/stream} below the REST layer, for the reason {@link LongPollRoute} holds
 * long-polls there: an idle stream keeps its Vert.x request and one {@link PullReader} poll, not a REST request
 * context and a Mutiny pipeline with its captured contexts. It answers the waiter bounds' 429 or 503 itself; every
 * other refusal is left to the REST resource and its {@link StreamStartFilter}, which answer them as problems before
 * any event-stream header goes out.
 */
@ApplicationScoped
public class StreamRoute {

    private static final String PATH = "/v1/subscriptions/:id/stream";
    private static final Logger LOG = Logger.getLogger(StreamRoute.class);

    private final PullCallStarts starts;
    private final PullReader reader;
    private final StreamFrames frames;
    private final PullSubscriptions subscriptions;
    private final Duration heartbeat;

    public StreamRoute(PullCallStarts starts, PullReader reader, StreamFrames frames,
            PullSubscriptions subscriptions, PullConfig config) {
        this.starts = starts;
        this.reader = reader;
        this.frames = frames;
        this.subscriptions = subscriptions;
        this.heartbeat = PullStream.heartbeat(config);
    }

    // after the body limits and before the REST layer's own route
    void install(@Observes Router router) {
        router.get(PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    /** Where a stream resumes: after Last-Event-ID, else after {@code after}; a malformed one is a 400 problem. */
    static Optional<PullCursor> resume(String lastEventId, String after) {
        return PullParams.cursor(lastEventId, "Last-Event-ID").or(() -> PullParams.cursor(after, "after"));
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Optional<PullCursor> from;
        String consumer = request.getParam("consumer");
        try {
            from = resume(request.getHeader("Last-Event-ID"), request.getParam("after"));
            if (consumer != null) {
                PullParams.consumerName(consumer);
            }
        } catch (RuntimeException e) {
            ctx.next();
            return;
        }
        Context context = Vertx.currentContext();
        starts.start(request.headers(), ctx.pathParam("id"), from, consumer)
                .invoke(start -> {
                    if (start != null) {
                        starts.refusal(start).ifPresent(refused -> {
                            throw refused;
                        });
                    }
                })
                .subscribe().with(start -> context.runOnContext(v -> {
                    if (start == null) {
                        ctx.next();
                    } else {
                        open(ctx, context, start);
                    }
                }), refused -> context.runOnContext(v -> {
                    if (refused instanceof TooManyWaitersException tooMany && !ctx.response().ended()) {
                        TooManyWaitersMapper.answer(ctx.response(), tooMany);
                    } else {
                        ctx.next();
                    }
                }));
    }

    private void open(RoutingContext ctx, Context context, PullStream.Start start) {
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended()) {
            return;
        }
        response.setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.writeHead();
        Loop loop = new Loop(response, context, new StreamPosition(start));
        response.closeHandler(v -> loop.close());
        loop.step();
    }

    /** One open stream: a held read of up to a heartbeat, its events written, then the next read. */
    private final class Loop {
        private final HttpServerResponse response;
        private final Context context;
        private final StreamPosition position;
        private volatile Runnable cancel = () -> { };
        private volatile boolean closed;

        Loop(HttpServerResponse response, Context context, StreamPosition position) {
            this.response = response;
            this.context = context;
            this.position = position;
        }

        void close() {
            closed = true;
            cancel.run();
        }

        void step() {
            if (closed) {
                return;
            }
            cancel = reader.hold(position.subscription(), position.after(), PullStream.BATCH, heartbeat,
                    (read, failure) -> context.runOnContext(v -> arrived(read, failure)));
        }

        private void arrived(PullReader.Read read, Throwable failure) {
            if (closed) {
                return;
            }
            if (failure != null) {
                end(failure);
                return;
            }
            position.signer(read.page().messages().isEmpty(), heartbeat, subscriptions).subscribe().with(
                    signer -> context.runOnContext(v -> {
                        if (signer.isEmpty()) {
                            end(null); // the subscription is gone
                            return;
                        }
                        position.advance(read.next());
                        write(frames.of(signer.get(), read));
                    }), e -> context.runOnContext(v -> end(e)));
        }

        private void write(List<StreamFrames.Frame> blocks) {
            if (closed || response.closed()) {
                return;
            }
            StringBuilder text = new StringBuilder();
            blocks.forEach(block -> text.append(block.text()));
            response.write(text.toString());
            // back-pressure: the next read waits until the client has taken what was written
            if (response.writeQueueFull()) {
                response.drainHandler(v -> {
                    response.drainHandler(null);
                    step();
                });
            } else {
                step();
            }
        }

        private void end(Throwable failure) {
            if (failure != null) {
                // the client resumes with Last-Event-ID; nothing it saw is lost
                LOG.debugf("pull stream ended: %s", failure.toString());
            }
            closed = true;
            if (!response.ended() && !response.closed()) {
                response.end();
            }
        }
    }
}
