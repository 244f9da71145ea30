package io.hookgate.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Chat records as a careless or hostile producer writes them, generated with jqwik from a seed: the whole domain
 * the parser accepts (extreme timestamps and numbers, any Unicode, sizes at the limits, odd message_ids, quote-dense
 * text) plus its near misses and garbage. Every JSON object carries {@code "x_case":"<case id>"} so that a delivery
 * can be traced back to its record.
 */
public final class HostileEvents {

    /** The largest valid value; the parser's limit. */
    public static final int MAX_VALUE = 1024 * 1024;

    private HostileEvents() {
    }

    /** One generated record; {@link #bytes} renders it with its case id. */
    public interface Record {
        byte[] bytes(String caseId);
    }

    /** {@code count} records from {@code seed}: the same seed gives the same records. */
    public static List<Record> generate(long seed, int count) {
        List<Record> records = new ArrayList<>();
        JqwikSession.start();
        try {
            RandomGenerator<Record> generator = records().generatorWithEmbeddedEdgeCases(1000);
            Random random = new Random(seed);
            for (int i = 0; i < count; i++) {
                records.add(generator.next(random).value());
            }
        } finally {
            JqwikSession.finish();
        }
        return records;
    }

    static Arbitrary<Record> records() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, events()),
                Tuple.of(1, garbage()));
    }

    private static Arbitrary<Record> events() {
        Arbitrary<String> head = Combinators.combine(messageIds(), channels(), timestamps(), messageTypes())
                .as((id, channel, ts, type) -> "\"message_id\":" + id + ",\"channel\":" + channel + ",\"timestamp\":"
                        + ts + ",\"message_type\":" + type);
        return Combinators.combine(head, messages(), extras(), sizes()).as((h, message, extra, size) -> caseId -> {
            String json = "{\"x_case\":\"" + caseId + "\"," + h + ",\"message\":" + message + extra;
            return pad(json, size);
        });
    }

    /** Pads the object up to {@code size} bytes with an unknown field, or just closes it (size 0). */
    private static byte[] pad(String open, int size) {
        byte[] closed = (open + "}").getBytes(StandardCharsets.UTF_8);
        int room = size - closed.length - ",\"x_pad\":\"\"".length();
        if (size == 0 || room < 0) {
            return closed;
        }
        // quotes escaped as \" are two bytes each: the densest text for the dead letter's second escaping
        String filler = room % 2 == 0 ? "\\\"".repeat(room / 2) : "\\\"".repeat(room / 2) + "q";
        return (open + ",\"x_pad\":\"" + filler + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static Arbitrary<Integer> sizes() {
        return Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.of(MAX_VALUE, MAX_VALUE + 1, MAX_VALUE - 1, 64 * 1024)));
    }

    // each field is valid nine times in ten, so that about half the events pass and reach the store
    private static Arbitrary<String> messageIds() {
        Arbitrary<String> valid = Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "-17", "4711", "9".repeat(128), "-" + "9".repeat(128)),
                Arbitraries.longs().map(n -> Long.toString(n)),
                strings(1, 128).map(HostileEvents::quote),
                Arbitraries.of("\" \"", "\"a.b.c\"", "\"evt_x\"", "\"\\u0000\""));
        Arbitrary<String> invalid = Arbitraries.oneOf(strings(129, 140).map(HostileEvents::quote),
                Arbitraries.of("\"\"", "1.5", "1e3", "true", "null", "[1]", "1" + "0".repeat(128)));
        return Arbitraries.frequencyOf(Tuple.of(9, valid), Tuple.of(1, invalid));
    }

    private static Arbitrary<String> channels() {
        Arbitrary<String> valid = Arbitraries.oneOf(printable(1, 128).map(HostileEvents::quote),
                Arbitraries.of(quote("😀".repeat(128)), quote("c"), quote("\u202eevil")));
        Arbitrary<String> invalid = Arbitraries.of("\"\"", "\"a\\u0000b\"", "\"tab\\there\"", "42", "null",
                quote("c".repeat(129)));
        return Arbitraries.frequencyOf(Tuple.of(9, valid), Tuple.of(1, invalid));
    }

    /** Years around every limit: ISO's four digits, PostgreSQL's range, Java's; offsets up to ±18:00. */
    public static Arbitrary<String> timestamps() {
        Arbitrary<Integer> years = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(1, 9999)),
                Tuple.of(2, Arbitraries.of(1, 9999)),
                Tuple.of(2, Arbitraries.of(0, 10_000, 294_276, 294_277, -1, -4713, 999_999_999,
                        -999_999_999)));
        Arbitrary<String> offsets = Arbitraries.of("Z", "+18:00", "-18:00", "+14:00", "-12:00", "+05:30", "+19:00");
        Arbitrary<String> fractions = Arbitraries.of("", ".0", ".999999999", ".123456", ".5");
        Arbitrary<String> wellFormed = Combinators.combine(years, offsets, fractions, Arbitraries.integers().between(0, 1))
                .as((year, offset, fraction, end) -> {
                    String y = year >= 0 && year <= 9999 ? "%04d".formatted(year)
                            : (year < 0 ? "-" : "+") + "%04d".formatted(Math.abs(year));
                    return quote(y + (end == 0 ? "-01-01T00:00:00" : "-12-31T23:59:59") + fraction + offset);
                });
        return Arbitraries.frequencyOf(Tuple.of(9, wellFormed),
                Tuple.of(1, Arbitraries.of("\"2026-11-22T10:15:30\"", "\"yesterday\"", "1700000000",
                        "\"2026-02-30T00:00:00Z\"", "\"2026-11-22T23:59:60Z\"")));
    }

    private static Arbitrary<String> messageTypes() {
        return Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.of("\"text\"", "\"emoji\"")),
                Tuple.of(1, Arbitraries.of("\"\"", quote("t".repeat(65)), "7")));
    }

    private static Arbitrary<String> messages() {
        Arbitrary<String> valid = Arbitraries.oneOf(strings(0, 200).map(HostileEvents::quote),
                Arbitraries.of("null", "\"\"", quote("m".repeat(64 * 1024)), quote("€".repeat(21_845)),
                        "\"" + "\\\"".repeat(20_000) + "\"", "\"\\ud83d\\ude00 \\u2028 \\/ \\\\\""));
        Arbitrary<String> invalid = Arbitraries.of("42", "{}", quote("m".repeat(64 * 1024 + 1)));
        return Arbitraries.frequencyOf(Tuple.of(9, valid), Tuple.of(1, invalid));
    }

    /** Unknown fields: extreme number literals, deep nesting, a meta object; duplicate keys now and then. */
    private static Arbitrary<String> extras() {
        Arbitrary<String> valid = Arbitraries.oneOf(
                Arbitraries.of("", ",\"meta\":{}", ",\"meta\":null"),
                Arbitraries.of("1e400", "-0.0", "123456789012345678901234567890", "2.50", "-1E-400", "0.1e1")
                        .map(n -> ",\"x_number\":" + n + ",\"meta\":{\"reactions\":{\"👍\":[" + n + "]}}"),
                Arbitraries.of(63, 64).map(depth -> ",\"x_deep\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1)));
        Arbitrary<String> invalid = Arbitraries.of(",\"meta\":\"{}\"", ",\"x_deep\":" + "[".repeat(64) + "]".repeat(64),
                ",\"sender_id\":\"u-1\",\"sender_id\":\"u-2\"", ",\"x\":{\"k\":1,\"k\":2}");
        return Arbitraries.frequencyOf(Tuple.of(9, valid), Tuple.of(1, invalid));
    }

    private static Arbitrary<Record> garbage() {
        Function<byte[], Record> fixed = bytes -> caseId -> bytes;
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(fixed),
                Arbitraries.of("", "null", "[]", "{", "{}", "\uFEFF{}", "{\"a\":1} {}", "{'a':1}")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)).map(fixed),
                Arbitraries.just(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}).map(fixed));
    }

    /** Unicode without control characters (what a channel may hold): RTL and combining marks, U+2028, emoji. */
    static Arbitrary<String> printable(int min, int max) {
        return strings(min, max).map(t -> t.codePoints().filter(cp -> cp >= 0x20)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
                .filter(t -> !t.isEmpty());
    }

    /** Any Unicode scalar values, including controls, RTL marks, combining marks, U+2028 and emoji. */
    static Arbitrary<String> strings(int min, int max) {
        Arbitrary<Integer> codePoints = Arbitraries.oneOf(Arbitraries.integers().between(0x20, 0x7e),
                Arbitraries.integers().between(0, 0x1f), Arbitraries.integers().between(0xa0, 0xd7ff),
                Arbitraries.integers().between(0xe000, 0xfffd), Arbitraries.integers().between(0x1f300, 0x1faff),
                Arbitraries.of(0x2028, 0x2029, 0x0301, 0x200f, 0x202e, 0xfeff));
        return codePoints.list().ofMinSize(min).ofMaxSize(max).map(cps -> {
            StringBuilder b = new StringBuilder();
            cps.forEach(b::appendCodePoint);
            return b.toString();
        });
    }

    /** A JSON string literal: quote, backslash and controls escaped, everything else as UTF-8. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20) {
                out.append("\\u%04x".formatted(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
