package io.hookgate.inbound.verify;

import java.util.List;
import java.util.Optional;

/**
 * Reads the event name and delivery id of an authentic request from its headers.
 *
 * <p>Both end up in Kafka records, metrics and the replay-dedupe table, so they must be 1–200 printable ASCII
 * characters; a present but malformed one rejects the request ({@link RejectReason#BAD_HEADER}) rather than
 * being silently dropped, which would disable the sender's replay protection without anyone noticing.
 */
final class HeaderIds {

    /** Longest event name or delivery id accepted. */
    static final int MAX_CHARS = 200;

    private HeaderIds() {
    }

    /** {@code verified} with the event from {@code eventHeader} and the first delivery header present. */
    static Verification attach(Verification.Verified verified, InboundHeaders headers, String eventHeader,
            List<String> deliveryHeaders) {
        Optional<String> event = eventHeader == null ? Optional.empty() : nonBlank(headers, eventHeader);
        Optional<String> delivery = Optional.empty();
        for (String name : deliveryHeaders) {
            delivery = nonBlank(headers, name);
            if (delivery.isPresent()) {
                break;
            }
        }
        if (!event.map(HeaderIds::valid).orElse(true) || !delivery.map(HeaderIds::valid).orElse(true)) {
            return new Verification.Rejected(RejectReason.BAD_HEADER);
        }
        return new Verification.Verified(verified.slot(), event, delivery);
    }

    private static Optional<String> nonBlank(InboundHeaders headers, String name) {
        return headers.first(name).filter(v -> !v.isEmpty());
    }

    /** 1–200 printable ASCII characters (space included). */
    static boolean valid(String value) {
        if (value.isEmpty() || value.length() > MAX_CHARS) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
