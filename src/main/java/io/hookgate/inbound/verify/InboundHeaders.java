package io.hookgate.inbound.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only, case-insensitive view of a request's headers (HTTP field names are case-insensitive).
 *
 * <p>Values keep their order of arrival; leading and trailing spaces and tabs are removed, as HTTP servers do.
 */
public final class InboundHeaders {

    private final Map<String, List<String>> byName;

    private InboundHeaders(Map<String, List<String>> byName) {
        this.byName = byName;
    }

    /** From name/value pairs in arrival order, e.g. a Vert.x {@code MultiMap}, which is such an iterable. */
    public static InboundHeaders of(Iterable<? extends Map.Entry<String, String>> entries) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey() != null && e.getValue() != null) {
                byName.computeIfAbsent(lower(e.getKey()), k -> new ArrayList<>()).add(e.getValue().strip());
            }
        }
        byName.replaceAll((k, v) -> List.copyOf(v));
        return new InboundHeaders(Collections.unmodifiableMap(byName));
    }

    /** From alternating names and values: {@code of("X-GitHub-Event", "push", ...)}. */
    public static InboundHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            entries.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return of(entries);
    }

    /** Every value of {@code name}, in arrival order; empty when absent. */
    public List<String> all(String name) {
        return byName.getOrDefault(lower(name), List.of());
    }

    /** The first value of {@code name}, if any. */
    public Optional<String> first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The lower-cased names present, in arrival order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
