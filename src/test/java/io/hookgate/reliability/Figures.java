package io.hookgate.reliability;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ledger's verdict for one scenario: every count the report shows. */
public record Figures(String scenario, long expected, long received, long uniqueDelivered, long deadLettered,
        long invalidSignatures, long verified, double deliveriesPerSecond, long p50Millis, long p99Millis,
        Map<String, Object> notes) {

    /** Expected deliveries that neither arrived nor were dead-lettered: must be 0. */
    public long lost() {
        return expected - uniqueDelivered - deadLettered;
    }

    /** Requests that repeated an already received (subscription, event). */
    public long duplicates() {
        return received - uniqueDelivered;
    }

    public Figures with(String note, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(notes);
        more.put(note, value);
        return new Figures(scenario, expected, received, uniqueDelivered, deadLettered, invalidSignatures, verified,
                deliveriesPerSecond, p50Millis, p99Millis, more);
    }

    public JsonObject toJson() {
        return new JsonObject().put("scenario", scenario).put("expected", expected).put("received", received)
                .put("unique_delivered", uniqueDelivered).put("dead_lettered", deadLettered).put("lost", lost())
                .put("duplicates", duplicates()).put("invalid_signatures", invalidSignatures)
                .put("signatures_verified", verified)
                .put("deliveries_per_second", Math.round(deliveriesPerSecond * 10) / 10.0)
                .put("e2e_p50_ms", p50Millis).put("e2e_p99_ms", p99Millis).put("notes", new JsonObject(notes));
    }

    @Override
    public String toString() {
        return toJson().encode();
    }
}
