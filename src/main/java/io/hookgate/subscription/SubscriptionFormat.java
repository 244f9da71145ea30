package io.hookgate.subscription;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Optional;

/** The body and signature format of a subscription; stored as the lower-case API word (a CHECK constraint holds it). */
public enum SubscriptionFormat {
    STANDARD("standard"),
    EVENTYAY("eventyay");

    private final String value;

    SubscriptionFormat(String value) {
        this.value = value;
    }

    /** The word in the API and in the {@code format} column. */
    public String value() {
        return value;
    }

    /** The format spelled {@code value}, if any. */
    public static Optional<SubscriptionFormat> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    /** Maps the enum to the column's words for Hibernate. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<SubscriptionFormat, String> {

        @Override
        public String convertToDatabaseColumn(SubscriptionFormat format) {
            return format == null ? null : format.value;
        }

        @Override
        public SubscriptionFormat convertToEntityAttribute(String value) {
            return value == null ? null : of(value).orElseThrow(() -> new IllegalStateException("format " + value));
        }
    }
}
