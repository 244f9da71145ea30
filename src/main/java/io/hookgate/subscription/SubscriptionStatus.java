package io.hookgate.subscription;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Optional;

/** Whether a subscription receives deliveries; stored as the lower-case API word (a CHECK constraint holds it). */
public enum SubscriptionStatus {
    ACTIVE("active"),
    DISABLED("disabled");

    private final String value;

    SubscriptionStatus(String value) {
        this.value = value;
    }

    /** The word in the API and in the {@code status} column. */
    public String value() {
        return value;
    }

    /** The status spelled {@code value}, if any. */
    public static Optional<SubscriptionStatus> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    /** Maps the enum to the column's words for Hibernate. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<SubscriptionStatus, String> {

        @Override
        public String convertToDatabaseColumn(SubscriptionStatus status) {
            return status == null ? null : status.value;
        }

        @Override
        public SubscriptionStatus convertToEntityAttribute(String value) {
            return value == null ? null : of(value).orElseThrow(() -> new IllegalStateException("status " + value));
        }
    }
}
