package io.hookgate.pull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** {@code hookgate_pull_messages_total{via}}: messages handed to readers; {@code via} is a closed set (no names). */
@ApplicationScoped
@Startup
public class PullMetrics {

    /** How a message was handed out. */
    public enum Via {
        POLL, STREAM
    }

    private final Map<Via, Counter> handedOut = new EnumMap<>(Via.class);

    public PullMetrics(MeterRegistry registry) {
        for (Via via : Via.values()) {
            handedOut.put(via, Counter.builder("hookgate.pull.messages")
                    .description("Pull messages handed to readers (a re-read counts again)")
                    .tag("via", via.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    public void handedOut(Via via, int messages) {
        if (messages > 0) {
            handedOut.get(via).increment(messages);
        }
    }
}
