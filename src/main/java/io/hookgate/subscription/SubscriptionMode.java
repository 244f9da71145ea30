package io.hookgate.subscription;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Optional;

/** How a subscription gets its events: pushed to its url, or stored for clients to pull (SPEC 11). */
public enum SubscriptionMode {
    PUSH("push"),
    PULL("pull");

    private final String value;

    SubscriptionMode(String value) {
        this.value = value;
    }

    /** The word in the API and in the {@code mode} column. */
    public String value() {
        return value;
    }

    /** The mode spelled {@code value}, if any. */
    public static Optional<SubscriptionMode> of(String value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }

    /** Maps the enum to the column's words for Hibernate. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<SubscriptionMode, String> {

        @Override
        public String convertToDatabaseColumn(SubscriptionMode mode) {
            return mode == null ? null : mode.value;
        }

        @Override
        public SubscriptionMode convertToEntityAttribute(String value) {
            return value == null ? null : of(value).orElseThrow(() -> new IllegalStateException("mode " + value));
        }
    }
}
