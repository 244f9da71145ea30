package io.hookgate.inbound.route;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and shows the {@code events} list of routes and of {@code PUT /v1/route-defaults}. */
public final class EventFilters {

    /** Most names one list may hold. */
    public static final int MAX_NAMES = 64;

    private static final Pattern NAME = Pattern.compile("[a-z0-9_.-]{1,64}");

    private EventFilters() {
    }

    /** The outcome of parsing a supplied {@code events} list. */
    public sealed interface Parsed {
        /** A usable filter. */
        record Valid(EventFilter filter) implements Parsed {
        }

        /** Why the list was refused; the message is client-safe. */
        record Invalid(String message) implements Parsed {
        }
    }

    /**
     * Parses an {@code events} list: 1–64 entries, each {@code *} or a name of 1–64 characters {@code a-z},
     * {@code 0-9}, {@code _}, {@code .} or {@code -}; {@code *} must stand alone; repeats are collapsed.
     */
    public static Parsed parse(List<String> events) {
        if (events == null || events.isEmpty()) {
            return new Parsed.Invalid("events must list at least one event name or \"*\"; omit it for the defaults");
        }
        if (events.size() > MAX_NAMES) {
            return new Parsed.Invalid("events may list at most " + MAX_NAMES + " names");
        }
        if (events.contains("*")) {
            return events.stream().allMatch("*"::equals) ? new Parsed.Valid(new EventFilter.All())
                    : new Parsed.Invalid("\"*\" must be the only entry of events");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String e : events) {
            if (e == null || !NAME.matcher(e).matches()) {
                return new Parsed.Invalid("each event must be \"*\" or 1-64 characters a-z, 0-9, '_', '.' or '-'");
            }
            names.add(e);
        }
        return new Parsed.Valid(new EventFilter.Only(names));
    }

    /** The filter as the API shows it: {@code ["*"]}, or the names sorted. */
    public static List<String> wire(EventFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return filter instanceof EventFilter.Only only ? only.names().stream().sorted().toList() : List.of("*");
    }
}
