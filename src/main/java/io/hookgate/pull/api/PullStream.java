package io.hookgate.pull.api;

import io.hookgate.pull.PullConfig;
import io.hookgate.pull.PullCursor;
import io.hookgate.pull.PullReader;
import io.hookgate.pull.PullSubscriptions;
import io.hookgate.subscription.SubscriptionRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The events of one SSE stream through Quarkus REST: the fallback for a stream {@link StreamRoute} did not take
 * (its lookups failed, or the waiter bounds changed between its check and the REST filter's). Each step is one
 * long-poll of up to {@code hookgate.pull.heartbeat}; the next runs only when the client has taken the previous
 * events (back-pressure), and a disconnect cancels the pending step, which forgets its waiter.
 */
@ApplicationScoped
public class PullStream {

    static final int BATCH = 100;

    private final PullReader reader;
    private final StreamFrames frames;
    private final Duration heartbeat;
    private final PullSubscriptions subscriptions;

    public PullStream(PullReader reader, StreamFrames frames, PullConfig config, PullSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.heartbeat = heartbeat(config);
        this.reader = reader;
        this.frames = frames;
    }

    /** Where a stream starts: after {@code from}, or at the oldest retained message. */
    public record Start(SubscriptionRow subscription, Optional<PullCursor> from) {
    }

    /** {@code hookgate.pull.heartbeat}, checked: 1 s to 5 min. */
    static Duration heartbeat(PullConfig config) {
        if (config.heartbeat().compareTo(Duration.ofSeconds(1)) < 0
                || config.heartbeat().compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("hookgate.pull.heartbeat must be from 1s to 5m");
        }
        return config.heartbeat();
    }

    /** The stream's events; it ends (the client may reconnect) when the subscription is gone. */
    public Multi<OutboundSseEvent> events(Start start, Sse sse) {
        return Multi.createBy().repeating()
                .uni(() -> new StreamPosition(start), position -> step(position, sse))
                .until(List::isEmpty)
                .onItem().disjoint();
    }

    private Uni<List<OutboundSseEvent>> step(StreamPosition position, Sse sse) {
        return reader.read(position.subscription(), position.after(), BATCH, heartbeat).chain(read -> position
                .signer(read.page().messages().isEmpty(), heartbeat, subscriptions)
                .map(subscription -> subscription.map(s -> {
                    position.advance(read.next());
                    return frames.of(s, read).stream().map(frame -> event(frame, sse)).toList();
                }).orElse(List.of())));
    }

    private static OutboundSseEvent event(StreamFrames.Frame frame, Sse sse) {
        if (frame.comment() != null) {
            return sse.newEventBuilder().comment(frame.comment()).build();
        }
        OutboundSseEvent.Builder event = sse.newEventBuilder().id(frame.id());
        if (frame.name() != null) {
            event.name(frame.name());
        }
        // the data is already JSON text: a media type here would add a non-standard content-type field
        return event.data(String.class, frame.data()).build();
    }
}
