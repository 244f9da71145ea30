package io.hookgate.delivery;

import io.hookgate.event.PayloadFormatter;
import io.hookgate.subscription.SubscriptionFormat;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders the exact request body of a delivery from the stored event, per subscription format. */
@ApplicationScoped
public class Bodies {

    private final PayloadFormatter formatter;

    public Bodies(PayloadFormatter formatter) {
        this.formatter = formatter;
    }

    /** The body of a delivery; shared between deliveries of the same event and format, so read-only. */
    public byte[] render(SubscriptionFormat format, String eventType, ClaimedDelivery.Event event) {
        return event.body(format, e -> render(format, eventType, e.occurredAtText(), e.payload()));
    }

    public byte[] render(SubscriptionFormat format, String eventType, String occurredAtText, String payload) {
        if (format == SubscriptionFormat.EVENTYAY) {
            return formatter.eventyay(payload);
        }
        return formatter.standard(eventType, occurredAtText, payload);
    }
}
