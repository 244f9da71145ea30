package io.hookgate.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the parser and the event id over generated input (jqwik; issue 12, items 1 and 2). A failure
 * prints the seed; re-run it with {@code @Property(seed = "...")}.
 */
class EventPropertiesTest {

    private static final OffsetDateTime POSTGRES_MIN = OffsetDateTime.of(-4712, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime POSTGRES_MAX = OffsetDateTime.of(294276, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC);

    private final ChatEventParser parser = new ChatEventParser();

    @Property(tries = 500)
    void theParserClassifiesAnyBytesWithoutThrowing(@ForAll byte[] value) {
        assertThat(parser.parse(value)).isNotNull();
    }

    @Property(tries = 300)
    void everyAcceptedTimestampIsOneThePostgresStoreCanHold(@ForAll("timestamps") String timestamp) {
        ParseResult result = parser.parse(Events.utf8(Events.with("timestamp", "\"" + timestamp + "\"")));

        if (result instanceof ParseResult.Valid valid) {
            OffsetDateTime at = valid.event().occurredAt();
            assertThat(at.getYear()).isBetween(1, 9999);
            assertThat(at.toInstant()).isBetween(POSTGRES_MIN.toInstant(), POSTGRES_MAX.toInstant());
        } else {
            assertThat(((ParseResult.Invalid) result).reasonCode()).isEqualTo(ChatEventParser.INVALID_VALUE);
        }
    }

    @Property(tries = 300)
    void anEventKeepsItsIdWhateverItsWhitespaceKeyOrderAndEscapes(@ForAll("objects") Map<String, Object> event,
            @ForAll long formatting) {
        String plain = Json.write(event, new Random(formatting), false);
        String fancy = Json.write(event, new Random(~formatting), true);

        assertThat(EventId.forEvent(fancy)).as("%s vs %s", plain, fancy).isEqualTo(EventId.forEvent(plain));
    }

    @Property(tries = 300)
    void theCanonicalFormIsAFixedPoint(@ForAll("objects") Map<String, Object> event, @ForAll long formatting) {
        String raw = Json.write(event, new Random(formatting), true);
        String canonical = new String(new PayloadFormatter().eventyay(raw), StandardCharsets.UTF_8);

        assertThat(new String(new PayloadFormatter().eventyay(canonical), StandardCharsets.UTF_8)).isEqualTo(canonical);
        assertThat(EventId.forEvent(canonical)).isEqualTo(EventId.forEvent(raw));
    }

    @Property(tries = 300)
    void eventsThatDifferInOneValueHaveDifferentIds(@ForAll("objects") Map<String, Object> event,
            @ForAll("keys") String key) {
        Map<String, Object> changed = new java.util.TreeMap<>(event);
        changed.put(key, new Json.Literal(changed.containsKey(key) && changed.get(key) instanceof Json.Literal l
                && "1".equals(l.text()) ? "2" : "1"));

        assertThat(EventId.forEvent(Json.write(changed, new Random(1), false)))
                .isNotEqualTo(EventId.forEvent(Json.write(event, new Random(1), false)));
    }

    @Provide
    Arbitrary<String> timestamps() {
        Arbitrary<Integer> years = Arbitraries.oneOf(Arbitraries.integers().between(-1, 10_001),
                Arbitraries.of(0, 1, 9999, 10_000, 294_276, 294_277, -4713, 999_999_999, -999_999_999));
        Arbitrary<String> offsets = Arbitraries.of("Z", "+18:00", "-18:00", "+14:00", "-12:00", "+05:30", "+00:00");
        Arbitrary<String> fractions = Arbitraries.of("", ".0", ".999999999", ".123456", ".5");
        return Combinators.combine(years, offsets, fractions, Arbitraries.integers().between(0, 1))
                .as((year, offset, fraction, edge) -> {
                    String y = year >= 0 && year <= 9999 ? "%04d".formatted(year) : (year < 0 ? "-" : "+")
                            + "%04d".formatted(Math.abs(year));
                    String time = edge == 0 ? "00:00:00" : "23:59:59";
                    String date = edge == 0 ? "-01-01T" : "-12-31T";
                    return y + date + time + fraction + offset;
                });
    }

    @Provide
    Arbitrary<Map<String, Object>> objects() {
        return Json.objects(3);
    }

    @Provide
    Arbitrary<String> keys() {
        return Json.strings(6);
    }

    /** A JSON value model and a writer with random (but valid) whitespace, key order and escapes. */
    static final class Json {

        /** A number or literal written exactly as given. */
        record Literal(String text) {
        }

        private static final List<String> NUMBERS = List.of("0", "-0", "1", "1.0", "1e3", "1E+3", "-17", "2.50",
                "123456789012345678901234567890", "1e400", "-0.0", "3.141592653589793238462643383279");

        static Arbitrary<Map<String, Object>> objects(int depth) {
            return Arbitraries.maps(strings(8), values(depth)).ofMaxSize(6);
        }

        static Arbitrary<Object> values(int depth) {
            List<Arbitrary<? extends Object>> choices = new ArrayList<>(List.of(
                    strings(40), Arbitraries.of(NUMBERS).map(Literal::new),
                    Arbitraries.of(new Literal("true"), new Literal("false"), new Literal("null"))));
            if (depth > 0) {
                choices.add(Arbitraries.lazy(() -> objects(depth - 1)));
                choices.add(Arbitraries.lazy(() -> values(depth - 1)).list().ofMaxSize(4));
            }
            return Arbitraries.oneOf(choices).map(v -> (Object) v);
        }

        /** Any Unicode scalar values: ASCII, controls, Latin, RTL, combining marks, emoji; never a lone surrogate. */
        static Arbitrary<String> strings(int maxLength) {
            Arbitrary<Integer> codePoints = Arbitraries.oneOf(Arbitraries.integers().between(0, 0x7f),
                    Arbitraries.integers().between(0x80, 0xd7ff), Arbitraries.integers().between(0xe000, 0xffff),
                    Arbitraries.integers().between(0x1f300, 0x1faff), Arbitraries.of(0x2028, 0x2029, 0x0301, 0x200f));
            return codePoints.list().ofMaxSize(maxLength).map(cps -> {
                StringBuilder b = new StringBuilder();
                cps.forEach(b::appendCodePoint);
                return b.toString();
            });
        }

        static String write(Object value, Random random, boolean fancy) {
            StringBuilder out = new StringBuilder();
            write(value, random, fancy, out);
            return out.toString();
        }

        @SuppressWarnings("unchecked")
        private static void write(Object value, Random random, boolean fancy, StringBuilder out) {
            if (value instanceof Map<?, ?> map) {
                List<Map.Entry<String, Object>> members = new ArrayList<>(((Map<String, Object>) map).entrySet());
                Collections.shuffle(members, random);
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    space(random, fancy, out).append(i > 0 ? "," : "");
                    string(members.get(i).getKey(), random, fancy, space(random, fancy, out));
                    space(random, fancy, out).append(':');
                    write(members.get(i).getValue(), random, fancy, space(random, fancy, out));
                }
                space(random, fancy, out).append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    space(random, fancy, out).append(i > 0 ? "," : "");
                    write(list.get(i), random, fancy, space(random, fancy, out));
                }
                space(random, fancy, out).append(']');
            } else if (value instanceof Literal literal) {
                out.append(literal.text());
            } else {
                string((String) value, random, fancy, out);
            }
        }

        private static StringBuilder space(Random random, boolean fancy, StringBuilder out) {
            if (fancy) {
                out.append(" \t\n\r", 0, random.nextInt(5));
            }
            return out;
        }

        /** Required escapes always; with {@code fancy}, also random {@code \\uXXXX} and {@code \\/} escapes. */
        private static void string(String s, Random random, boolean fancy, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || (fancy && !Character.isSurrogate(c) && random.nextInt(4) == 0)) {
                    out.append("\\u%04x".formatted((int) c));
                } else if (fancy && c == '/' && random.nextBoolean()) {
                    out.append("\\/");
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }
}
