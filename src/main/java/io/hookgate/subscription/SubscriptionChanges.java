package io.hookgate.subscription;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The columns a PATCH may change, with their new values; null is a legitimate value (e.g. all channels). */
public final class SubscriptionChanges {

    /** Updatable columns; the HQL attribute names are constants, so user input never reaches the statement text. */
    public enum Column {
        URL("url"),
        EVENT_TYPES("eventTypes"),
        CHANNELS("channels"),
        FORMAT("format"),
        DESCRIPTION("description"),
        STATUS("status"),
        DISABLED_REASON("disabledReason"),
        FAILING_SINCE("failingSince"),
        EXPIRE_AFTER("expireAfterSeconds"),
        RETENTION_MAX_MESSAGES("retentionMaxMessages"),
        RETENTION_MAX_BYTES("retentionMaxBytes"),
        RETENTION_MAX_AGE("retentionMaxAgeSeconds");

        private final String attribute;

        Column(String attribute) {
            this.attribute = attribute;
        }

        /** The attribute of {@link SubscriptionEntity} in HQL. */
        public String attribute() {
            return attribute;
        }
    }

    private final Map<Column, Object> values = new EnumMap<>(Column.class);

    public SubscriptionChanges url(String url) {
        values.put(Column.URL, url);
        return this;
    }

    public SubscriptionChanges eventTypes(List<String> eventTypes) {
        values.put(Column.EVENT_TYPES, eventTypes.toArray(String[]::new));
        return this;
    }

    /** Null means every channel of the tenant. */
    public SubscriptionChanges channels(List<String> channels) {
        values.put(Column.CHANNELS, channels == null ? null : channels.toArray(String[]::new));
        return this;
    }

    public SubscriptionChanges format(SubscriptionFormat format) {
        values.put(Column.FORMAT, format);
        return this;
    }

    public SubscriptionChanges description(String description) {
        values.put(Column.DESCRIPTION, description);
        return this;
    }

    /** Whole seconds, or null to retry for the whole schedule. */
    public SubscriptionChanges expireAfter(Integer seconds) {
        values.put(Column.EXPIRE_AFTER, seconds);
        return this;
    }

    /** A pull subscription's retention; the trimmer applies it within its interval. */
    public SubscriptionChanges retention(PullLimits limits) {
        values.put(Column.RETENTION_MAX_MESSAGES, limits.maxMessages());
        values.put(Column.RETENTION_MAX_BYTES, limits.maxBytes());
        values.put(Column.RETENTION_MAX_AGE, limits.maxAgeSeconds());
        return this;
    }

    /** Re-activation starts with a clean slate: no disable reason, no running failure clock. */
    public SubscriptionChanges activate() {
        values.put(Column.STATUS, SubscriptionRow.ACTIVE);
        values.put(Column.DISABLED_REASON, null);
        values.put(Column.FAILING_SINCE, null);
        return this;
    }

    public SubscriptionChanges disable(String reason) {
        values.put(Column.STATUS, SubscriptionRow.DISABLED);
        values.put(Column.DISABLED_REASON, reason);
        return this;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The changes in column order; values are bind-ready (arrays for text[] columns). */
    public Map<Column, Object> values() {
        return Collections.unmodifiableMap(values);
    }
}
