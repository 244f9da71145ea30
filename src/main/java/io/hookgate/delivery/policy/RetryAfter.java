package io.hookgate.delivery.policy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/** Parses a {@code Retry-After} header value (RFC 9110 §10.2.3) into a delay. Never throws. */
public final class RetryAfter {

    /** RFC 9111 §1.2.2: a delta-seconds value too large to represent is read as 2^31 seconds. */
    static final long MAX_DELTA_SECONDS = 2_147_483_648L;

    private static final int MAX_LENGTH = 64;

    // obsolete forms a recipient must still accept (RFC 9110 §5.6.7); two-digit years resolved in parse
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter
            .ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private RetryAfter() {
    }

    /**
     * Delta-seconds (digits only) or an HTTP-date (IMF-fixdate, RFC 850 or asctime). A date in the
     * past gives {@link Duration#ZERO}; a null, blank, negative, fractional or malformed value gives empty.
     */
    public static Optional<Duration> parse(String headerValue, Instant now) {
        if (headerValue == null || now == null || headerValue.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String value = headerValue.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (isDigits(value)) {
            return Optional.of(Duration.ofSeconds(deltaSeconds(value)));
        }
        return parseDate(value, now).map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    }

    private static boolean isDigits(String value) {
        return value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static long deltaSeconds(String digits) {
        String trimmed = digits.replaceFirst("^0+(?=.)", "");
        if (trimmed.length() > 10) {
            return MAX_DELTA_SECONDS;
        }
        return Math.min(Long.parseLong(trimmed), MAX_DELTA_SECONDS);
    }

    private static Optional<Instant> parseDate(String value, Instant now) {
        for (DateTimeFormatter format : formats(now)) {
            try {
                return Optional.of(ZonedDateTime.parse(value, format).toInstant());
            } catch (DateTimeException e) {
                // not this form; try the next one
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter[] formats(Instant now) {
        return new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, rfc850(now), ASCTIME};
    }

    // RFC 9110: a two-digit year more than 50 years in the future means the past century
    private static DateTimeFormatter rfc850(Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear();
        return new DateTimeFormatterBuilder()
                .appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, year - 49)
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.ENGLISH)
                .withZone(ZoneOffset.UTC);
    }
}
