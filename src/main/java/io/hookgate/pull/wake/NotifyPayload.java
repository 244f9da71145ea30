package io.hookgate.pull.wake;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The payload of a {@code hookgate_pull} notification: subscription ids separated by commas (V11's trigger). */
public sealed interface NotifyPayload {

    /** The subscriptions whose waiters should re-read. */
    record Ids(List<UUID> ids) implements NotifyPayload {
    }

    /** Anything else: ignored, and counted. */
    record Malformed(String reason) implements NotifyPayload {
    }

    /** Ids are at most this many per payload (7,000 bytes / 37); more means it did not come from the trigger. */
    int MAX_IDS = 200;

    static NotifyPayload parse(String payload) {
        if (payload == null || payload.isBlank()) {
            return new Malformed("empty payload");
        }
        String[] parts = payload.split(",", -1);
        if (parts.length > MAX_IDS) {
            return new Malformed(parts.length + " ids, more than " + MAX_IDS);
        }
        List<UUID> ids = new ArrayList<>(parts.length);
        for (String part : parts) {
            String s = part.strip();
            // UUID.fromString accepts short forms such as "1-2-3-4-5"; only the canonical 36 characters are ours
            if (s.length() != 36) {
                return new Malformed("not a subscription id");
            }
            try {
                ids.add(UUID.fromString(s));
            } catch (IllegalArgumentException e) {
                return new Malformed("not a subscription id");
            }
        }
        return new Ids(List.copyOf(ids));
    }
}
