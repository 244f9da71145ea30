package io.hookgate.pull;

import io.hookgate.delivery.Bodies;
import io.hookgate.signing.StandardWebhooksSigner;
import io.hookgate.signing.WebhookSecret;
import io.hookgate.subscription.SubscriptionRow;
import io.hookgate.subscription.SubscriptionSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Turns stored pull messages into signed ones at read time, with the body and signature code push uses
 * ({@link Bodies}, {@link StandardWebhooksSigner}) and the subscription's current secret(s).
 */
@ApplicationScoped
public class PullRenderer {

    private final Bodies bodies;
    private final StandardWebhooksSigner signer;
    private final SubscriptionSecrets secrets;
    private final Clock clock;

    public PullRenderer(Bodies bodies, StandardWebhooksSigner signer, SubscriptionSecrets secrets, Clock clock) {
        this.bodies = bodies;
        this.signer = signer;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Signed messages of one subscription, all with the same timestamp (this read's). */
    public List<PullMessage> render(SubscriptionRow subscription, List<PullStore.Stored> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<WebhookSecret> keys = secrets.signingKeys(subscription, now);
        long timestamp = now.getEpochSecond();
        return stored.stream().map(m -> {
            byte[] body = bodies.render(subscription.format(), m.eventType(), m.occurredAtText(), m.payload());
            String signature = signer.signatureHeader(m.eventId(), timestamp, body, keys);
            return new PullMessage(m.cursor().wire(), m.eventId(), Long.toString(timestamp), signature,
                    m.eventType(), new String(body, StandardCharsets.UTF_8));
        }).toList();
    }
}
