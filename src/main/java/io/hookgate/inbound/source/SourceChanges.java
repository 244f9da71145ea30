package io.hookgate.inbound.source;

import io.hookgate.inbound.verify.HmacConfig;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The columns a PATCH may change, with their new values; null is a legitimate value (e.g. any address). */
final class SourceChanges {

    /** Updatable columns; the HQL attribute names are constants, so user input never reaches the statement text. */
    enum Column {
        NAME("name"),
        ALLOW_CIDRS("allowCidrs"),
        HMAC("hmac"),
        CHANNELS("channels");

        private final String attribute;

        Column(String attribute) {
            this.attribute = attribute;
        }

        /** The attribute of {@link SourceEntity} in HQL. */
        String attribute() {
            return attribute;
        }
    }

    private final Map<Column, Object> values = new EnumMap<>(Column.class);

    SourceChanges name(String name) {
        values.put(Column.NAME, name);
        return this;
    }

    /** Null means every address may send. */
    SourceChanges allowCidrs(List<String> cidrs) {
        values.put(Column.ALLOW_CIDRS, SourceEntity.array(cidrs));
        return this;
    }

    SourceChanges hmac(HmacConfig hmac) {
        values.put(Column.HMAC, HmacJson.toMap(hmac));
        return this;
    }

    SourceChanges channels(List<String> channels) {
        values.put(Column.CHANNELS, SourceEntity.array(channels));
        return this;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The changed columns; a value may be null. */
    Map<Column, Object> values() {
        return Collections.unmodifiableMap(values);
    }
}
