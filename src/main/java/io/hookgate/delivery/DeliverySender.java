package io.hookgate.delivery;

import io.hookgate.delivery.policy.AttemptOutcome.ErrorKind;
import io.hookgate.egress.EgressCallException;
import io.hookgate.egress.EgressDeniedException;
import io.hookgate.egress.EgressGuard;
import io.hookgate.egress.PinnedHttpClient;
import io.hookgate.ops.Version;
import io.hookgate.signing.EventyaySigner;
import io.hookgate.signing.StandardWebhooksSigner;
import io.hookgate.subscription.SubscriptionFormat;
import io.hookgate.signing.WebhookSecret;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders, signs and sends one attempt through the egress guard. Never fails: errors become results. */
@ApplicationScoped
public class DeliverySender {

    private final EgressGuard guard;
    private final PinnedHttpClient client;
    private final SigningKeys signingKeys;
    private final StandardWebhooksSigner standardSigner;
    private final EventyaySigner eventyaySigner;
    private final Bodies bodies;
    private final DeliveryConfig config;
    private final Clock clock;

    public DeliverySender(EgressGuard guard, PinnedHttpClient client, SigningKeys signingKeys,
            StandardWebhooksSigner standardSigner, EventyaySigner eventyaySigner, Bodies bodies,
            DeliveryConfig config, Clock clock) {
        this.guard = guard;
        this.client = client;
        this.signingKeys = signingKeys;
        this.standardSigner = standardSigner;
        this.eventyaySigner = eventyaySigner;
        this.bodies = bodies;
        this.config = config;
        this.clock = clock;
    }

    public Uni<AttemptResult> send(ClaimedDelivery delivery) {
        Instant start = clock.instant();
        byte[] body;
        Map<String, String> headers;
        try {
            body = render(delivery);
            headers = headers(delivery, body, start);
        } catch (RuntimeException e) {
            Log.errorf("delivery %s could not be prepared: %s", delivery.id(), e.getClass().getSimpleName());
            return Uni.createFrom().item(AttemptResult.failure(start, Duration.ZERO, ErrorKind.INTERNAL_ERROR, new byte[0]));
        }
        byte[] sent = body;
        return guard.check(delivery.subscription().url())
                .chain(target -> client.send(target, HttpMethod.POST, headers, sent, config.timeout(),
                        config.maxResponseBytes()))
                .map(response -> AttemptResult.response(start, Duration.between(start, clock.instant()),
                        response.status(), response.header("retry-after"), response.excerpt(), sent))
                .onFailure().recoverWithItem(e -> AttemptResult.failure(start,
                        Duration.between(start, clock.instant()), errorCode(e), sent));
    }

    private byte[] render(ClaimedDelivery d) {
        return bodies.render(d.subscription().format(), d.eventType(), d.event());
    }

    private Map<String, String> headers(ClaimedDelivery d, byte[] body, Instant now) {
        List<WebhookSecret> keys = signingKeys.forDelivery(d, now);
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", Version.USER_AGENT);
        headers.put("webhook-id", d.eventId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", standardSigner.signatureHeader(d.eventId(), timestamp, body, keys));
        if (d.subscription().format() == SubscriptionFormat.EVENTYAY) {
            headers.put("X-Eventyay-Signature", eventyaySigner.header(keys.get(0), body));
        }
        return headers;
    }

    private static ErrorKind errorCode(Throwable e) {
        if (e instanceof EgressDeniedException) {
            return ErrorKind.EGRESS_DENIED;
        }
        if (e instanceof EgressCallException call) {
            return kind(call.reason());
        }
        Log.warnf("delivery attempt failed unexpectedly: %s", e.getClass().getSimpleName());
        return ErrorKind.INTERNAL_ERROR;
    }

    /** Exhaustive, so a new egress reason cannot reach the attempt log unmapped. */
    static ErrorKind kind(EgressCallException.Reason reason) {
        return switch (reason) {
            case TIMEOUT -> ErrorKind.TIMEOUT;
            case CONNECTION_REFUSED -> ErrorKind.CONNECTION_REFUSED;
            case CONNECTION_RESET -> ErrorKind.CONNECTION_RESET;
            case TLS_ERROR -> ErrorKind.TLS_ERROR;
            case DNS_FAILURE -> ErrorKind.DNS_FAILURE;
            case CONNECT_ERROR -> ErrorKind.CONNECT_ERROR;
            case TOO_BUSY -> ErrorKind.TOO_BUSY;
            case IO_ERROR -> ErrorKind.IO_ERROR;
        };
    }
}
