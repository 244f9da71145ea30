package io.hookgate.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What follows once attempt results are durable: metrics, dead letters and subscription health. */
@ApplicationScoped
public class CompletionEffects {

    private final DeliveryMetrics metrics;
    private final DeadLetterPublisher deadLetters;
    private final SubscriptionHealth health;

    public CompletionEffects(DeliveryMetrics metrics, DeadLetterPublisher deadLetters, SubscriptionHealth health) {
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.health = health;
    }

    void afterWrite(List<Completion> batch) {
        List<UUID> failed = new ArrayList<>();
        for (Completion c : batch) {
            metrics.record(c);
            if (c.failed()) {
                failed.add(c.delivery().id());
            }
            health.observe(c);
        }
        deadLetters.publish(failed);
    }
}
