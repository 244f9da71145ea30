package io.hookgate.pull.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.pull.PullConfig;
import io.hookgate.pull.PullCursor;
import io.hookgate.pull.PullMessage;
import io.hookgate.pull.PullMetrics;
import io.hookgate.pull.PullReader;
import io.hookgate.pull.PullRenderer;
import io.hookgate.pull.PullSubscriptions;
import io.hookgate.subscription.SubscriptionRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events of one SSE stream. Each step is one long-poll of up to {@code hookgate.pull.heartbeat}: its messages become events,
 * or, when none came, a comment line that keeps proxies from closing the idle connection. The next step runs only
 * when the client has taken the previous events (back-pressure), and a disconnect cancels the pending step, which
 * forgets its waiter: an idle stream holds no thread and no database connection.
 */
@ApplicationScoped
public class PullStream {

    static final int BATCH = 100;

    private final PullReader reader;
    private final PullRenderer renderer;
    private final PullMetrics metrics;
    private final ObjectMapper mapper;
    private final Duration heartbeat;
    private final PullSubscriptions subscriptions;

    public PullStream(PullReader reader, PullRenderer renderer, PullMetrics metrics, ObjectMapper mapper,
            PullConfig config, PullSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
        if (config.heartbeat().compareTo(Duration.ofSeconds(1)) < 0
                || config.heartbeat().compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("hookgate.pull.heartbeat must be from 1s to 5m");
        }
        this.heartbeat = config.heartbeat();
        this.reader = reader;
        this.renderer = renderer;
        this.metrics = metrics;
        this.mapper = mapper;
    }

    /** Where a stream starts: after {@code from}, or at the oldest retained message. */
    public record Start(SubscriptionRow subscription, Optional<PullCursor> from) {
    }

    /** The stream's position; only the one step in flight touches it. */
    private static final class Position {
        private Optional<PullCursor> after;
        private SubscriptionRow subscription;
        private long loadedAt = System.nanoTime();

        Position(Start start) {
            this.after = start.from();
            this.subscription = start.subscription();
        }
    }

    /** The stream's events; it ends (the client may reconnect) when the subscription is gone. */
    public Multi<OutboundSseEvent> events(Start start, Sse sse) {
        return Multi.createBy().repeating()
                .uni(() -> new Position(start), position -> step(position, sse))
                .until(List::isEmpty)
                .onItem().disjoint();
    }

    private Uni<List<OutboundSseEvent>> step(Position position, Sse sse) {
        return reader.read(position.subscription, position.after, BATCH, heartbeat).chain(read -> {
            boolean idle = read.page().messages().isEmpty();
            Uni<Optional<SubscriptionRow>> signer = idle ? Uni.createFrom().item(Optional.of(position.subscription))
                    : current(position);
            return signer.map(subscription -> subscription.map(s -> {
                position.after = read.next();
                return events(s, read, sse);
            }).orElse(List.of()));
        });
    }

    /**
     * The subscription as of at most two heartbeats ago, so a rotated secret signs soon and a deleted subscription
     * ends the stream; read only before signing, so idle streams cost no query.
     */
    private Uni<Optional<SubscriptionRow>> current(Position position) {
        if (System.nanoTime() - position.loadedAt < heartbeat.multipliedBy(2).toNanos()) {
            return Uni.createFrom().item(Optional.of(position.subscription));
        }
        return subscriptions.current(position.subscription.id()).invoke(found -> {
            found.ifPresent(row -> position.subscription = row);
            position.loadedAt = System.nanoTime();
        });
    }

    private List<OutboundSseEvent> events(SubscriptionRow subscription, PullReader.Read read, Sse sse) {
        List<OutboundSseEvent> events = new ArrayList<>();
        if (read.page().refresh()) {
            String from = read.page().from().wire();
            events.add(sse.newEventBuilder().name("refresh").id(from)
                    .data(String.class, json(Map.of("refresh", true, "cursor", from))).build());
        }
        List<PullMessage> messages = renderer.render(subscription, read.page().messages());
        for (PullMessage m : messages) {
            // the data is already JSON text: a media type here would add a non-standard content-type field
            events.add(sse.newEventBuilder().id(m.cursor()).data(String.class, json(m)).build());
        }
        if (events.isEmpty()) {
            events.add(sse.newEventBuilder().comment("keep-alive").build());
        }
        metrics.handedOut(PullMetrics.Via.STREAM, messages.size());
        return events;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pull message did not serialise", e);
        }
    }
}
