package io.hookgate.pull.wake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * LISTENs on {@code hookgate_pull} over its own connection and wakes this replica's waiters of the subscriptions a
 * notification names. A lost connection is reconnected with backoff, and every waiter is woken once after each
 * (re)LISTEN, because notifications sent while the connection was down are gone. All of it runs on the event loop
 * of the connection's context and never blocks.
 */
@ApplicationScoped
public class PullListener {

    public static final String CHANNEL = "hookgate_pull";
    private static final Logger LOG = Logger.getLogger(PullListener.class);

    private final Vertx vertx;
    private final LocalWakeups local;
    private final ListenerConnection connection;
    private final PullWakeConfig config;
    private final Backoff backoff;
    private final Counter malformed;
    private final Counter reconnects;
    private volatile PgSubscriber current;
    private volatile boolean listening;
    private volatile boolean stopped;
    private int generation;
    private int failures;
    private boolean listenedBefore;

    public PullListener(Vertx vertx, LocalWakeups local, ListenerConnection connection, PullWakeConfig config,
            MeterRegistry registry) {
        this.vertx = vertx;
        this.local = local;
        this.connection = connection;
        this.config = config;
        this.backoff = new Backoff(config.listener().reconnectMin(), config.listener().reconnectMax());
        this.malformed = Counter.builder("hookgate.pull.notifications.malformed")
                .description("hookgate_pull notifications ignored because their payload was not a list of ids")
                .register(registry);
        this.reconnects = Counter.builder("hookgate.pull.listener.reconnects")
                .description("Times the LISTEN connection for pull wake-ups was re-established").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (config.listener().enabled()) {
            vertx.runOnContext(v -> connect());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        PgSubscriber s = current;
        if (s != null) {
            s.close();
        }
    }

    /** Whether the LISTEN is in place right now (for readiness of tests and diagnostics). */
    public boolean listening() {
        return listening;
    }

    /** Notifications ignored so far because their payload was malformed. */
    public double malformedCount() {
        return malformed.count();
    }

    /** Runs on the event loop only, like every other state change here. */
    private synchronized void connect() {
        if (stopped) {
            return;
        }
        int mine = ++generation;
        // our own reconnect loop, not the subscriber's: its policy does not cover a failed first connect
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, connection.options()).reconnectPolicy(n -> -1L);
        subscriber.channel(CHANNEL)
                .handler(this::onNotification)
                .subscribeHandler(v -> onListening(mine));
        subscriber.closeHandler(v -> lost(mine, null));
        current = subscriber;
        subscriber.connect().onFailure(e -> lost(mine, e));
    }

    private synchronized void onListening(int mine) {
        if (mine != generation) {
            return;
        }
        if (listenedBefore) {
            reconnects.increment();
        }
        listenedBefore = true;
        failures = 0;
        listening = true;
        local.wakeAll();
    }

    private synchronized void lost(int mine, Throwable cause) {
        if (mine != generation || stopped) {
            return;
        }
        listening = false;
        generation++; // a second signal for the same connection (close after a failed connect) is ignored
        current.close();
        long delay = backoff.delayMillis(failures++);
        LOG.warnf("pull wake-up listener lost its connection (%s); reconnecting in %d ms",
                cause == null ? "closed" : cause.getMessage(), delay);
        vertx.setTimer(delay, id -> connect());
    }

    private void onNotification(String payload) {
        NotifyPayload parsed = NotifyPayload.parse(payload);
        if (parsed instanceof NotifyPayload.Ids ids) {
            try {
                local.stored(ids.ids());
            } catch (RuntimeException e) {
                // a waiter's own failure must never end the subscription to the channel
                LOG.warnf(e, "a pull waiter failed while being woken");
            }
        } else if (parsed instanceof NotifyPayload.Malformed m) {
            malformed.increment();
            LOG.debugf("ignored a malformed %s notification: %s", CHANNEL, m.reason());
        }
    }
}
