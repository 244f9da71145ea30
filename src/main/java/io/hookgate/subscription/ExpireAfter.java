package io.hookgate.subscription;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wire form of {@code expire_after} (SPEC §3): what a user would type, echoed back in one canonical form.
 * Accepted: whole numbers with units {@code d}, {@code h}, {@code m}, {@code s} in that order, optionally spaced
 * ({@code "5m"}, {@code "1h30m"}, {@code "2 h"}), or an ISO-8601 duration ({@code "PT5M"}, {@code "P1DT2H"}),
 * case-insensitive; 1 s to 7 d in whole seconds. Shown as the unit form with zero parts left out: 300 s is
 * {@code "5m"}, 5400 s {@code "1h30m"}.
 */
public final class ExpireAfter {

    public static final Duration MIN = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofDays(7);
    static final String RULE = "expire_after must be a duration from 1s to 7d, such as \"5m\", \"1h30m\" or \"PT5M\"";

    private static final Pattern UNITS = Pattern.compile(
            "(?:(\\d{1,7})\\s*d)?\\s*(?:(\\d{1,9})\\s*h)?\\s*(?:(\\d{1,9})\\s*m)?\\s*(?:(\\d{1,9})\\s*s)?");
    private static final long[] UNIT_SECONDS = {86_400, 3_600, 60, 1};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s"};

    private ExpireAfter() {
    }

    /** The duration the text names, if it is readable, whole seconds and within 1 s to 7 d. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return within(text, MIN, MAX);
    }

    /** The duration the text names, if it is readable (same forms), whole seconds and within [min, max]. */
    public static Optional<Duration> within(String text, Duration min, Duration max) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Optional<Duration> read = t.startsWith("p") ? iso(t) : units(t);
        return read.filter(d -> d.getNano() == 0 && d.compareTo(min) >= 0 && d.compareTo(max) <= 0);
    }

    /** The canonical form, e.g. {@code 5m}, {@code 1h30m}, {@code 7d}. */
    public static String format(Duration d) {
        long left = d.getSeconds();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < UNIT_SECONDS.length; i++) {
            long n = left / UNIT_SECONDS[i];
            if (n > 0) {
                out.append(n).append(UNIT_NAMES[i]);
                left -= n * UNIT_SECONDS[i];
            }
        }
        return out.toString();
    }

    private static Optional<Duration> units(String t) {
        Matcher m = UNITS.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        long seconds = 0;
        for (int i = 0; i < UNIT_SECONDS.length; i++) {
            if (m.group(i + 1) != null) {
                seconds += Long.parseLong(m.group(i + 1)) * UNIT_SECONDS[i];
            }
        }
        return Optional.of(Duration.ofSeconds(seconds));
    }

    private static Optional<Duration> iso(String t) {
        try {
            return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
