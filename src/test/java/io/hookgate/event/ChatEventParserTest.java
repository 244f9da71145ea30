package io.hookgate.event;

import static io.hookgate.event.Events.utf8;
import static io.hookgate.event.Events.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChatEventParserTest {

    private final ChatEventParser parser = new ChatEventParser();

    static Stream<Arguments> documentLevelRejections() {
        byte[] twoMiB = new byte[2 * 1024 * 1024];
        Arrays.fill(twoMiB, (byte) ' ');
        byte[] justOver = utf8(Events.VALID + " ".repeat(ChatEventParser.MAX_VALUE_BYTES + 1 - Events.VALID.length()));
        return Stream.of(
                arguments("2 MiB value", twoMiB, "too_large"),
                arguments("1 MiB + 1 byte", justOver, "too_large"),
                arguments("garbage bytes", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x13}, "not_utf8"),
                arguments("malformed UTF-8 in a string", concat("{\"channel\":\"", new byte[] {(byte) 0xc3, 0x28}, "\"}"),
                        "not_utf8"),
                arguments("overlong UTF-8 encoding of '/'", concat("{\"a\":\"", new byte[] {(byte) 0xc0, (byte) 0xaf}, "\"}"),
                        "not_utf8"),
                arguments("UTF-8 encoded surrogate (CESU)",
                        concat("{\"a\":\"", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, "\"}"), "not_utf8"),
                arguments("lone high surrogate escape", utf8(with("message", "\"x\\ud800\"")), "not_utf8"),
                arguments("lone low surrogate escape", utf8(with("message", "\"\\uDC00x\"")), "not_utf8"),
                arguments("high surrogate escape then a non-surrogate escape",
                        utf8(with("nick", "\"\\ud83d\\u0041\"")), "not_utf8"),
                arguments("lone surrogate escape in a key", utf8(with("meta", "{\"\\ud800\":1}")), "not_utf8"),
                arguments("printable garbage", utf8("hello world"), "not_json"),
                arguments("empty value", new byte[0], "not_json"),
                arguments("only whitespace", utf8(" \n\t "), "not_json"),
                arguments("tombstone (null value)", null, "not_json"),
                arguments("byte order mark", utf8("\uFEFF" + Events.VALID), "not_json"),
                arguments("truncated object", utf8(Events.VALID.substring(0, 40)), "not_json"),
                arguments("comment", utf8("/* c */" + Events.VALID), "not_json"),
                arguments("single quotes", utf8(with("channel", "'9f1c'")), "not_json"),
                arguments("NaN", utf8(with("x", "NaN")), "not_json"),
                arguments("leading zero", utf8(with("message_id", "0471")), "not_json"),
                arguments("raw control char in a string", utf8(with("message", "\"a\u0001b\"")), "not_json"),
                arguments("duplicate top-level key", utf8(with("x", "1,\"x\":2")), "duplicate_key"),
                arguments("duplicate required key", utf8(with("channel", "\"a\",\"channel\":\"b\"")), "duplicate_key"),
                arguments("duplicate key nested in meta", utf8(with("meta", "{\"a\":{\"k\":1,\"k\":1}}")),
                        "duplicate_key"),
                arguments("nesting 65", utf8(Events.nestedTo(65)), "too_deep"),
                arguments("nesting 1000", utf8(Events.nestedTo(1000)), "too_deep"),
                arguments("second JSON value", utf8(Events.VALID + "{}"), "trailing_data"),
                arguments("trailing garbage", utf8(Events.VALID + " x"), "trailing_data"),
                arguments("array root", utf8("[" + Events.VALID + "]"), "not_object"),
                arguments("string root", utf8("\"event\""), "not_object"),
                arguments("number root", utf8("4711"), "not_object"),
                arguments("null root", utf8("null"), "not_object"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("documentLevelRejections")
    void documentLevelProblemsAreRejectedWithTheirReasonCodeAndNoField(String name, byte[] value, String code) {
        ParseResult.Invalid invalid = invalid(parser.parse(value));

        assertThat(invalid.reasonCode()).isEqualTo(code);
        assertThat(invalid.field()).isNull();
        assertThat(invalid.documentLevel()).isTrue();
        assertThat(invalid.detail()).isNotBlank().hasSizeLessThanOrEqualTo(ParseResult.Invalid.MAX_DETAIL);
        // the detail reaches producers and API clients: no parser class or setting names (black-box fuzz)
        assertThat(invalid.detail()).doesNotContain("`", "Feature", "Constraints", "jackson");
    }

    static Stream<Arguments> fieldRejections() {
        return Stream.of(
                arguments("message_id", null, "missing_field"),
                arguments("channel", null, "missing_field"),
                arguments("timestamp", null, "missing_field"),
                arguments("message_type", null, "missing_field"),
                arguments("message_id", "47.11", "wrong_type"),
                arguments("message_id", "4711.0", "wrong_type"),
                arguments("message_id", "1e3", "wrong_type"),
                arguments("message_id", "true", "wrong_type"),
                arguments("message_id", "null", "wrong_type"),
                arguments("message_id", "{}", "wrong_type"),
                arguments("message_id", "[4711]", "wrong_type"),
                arguments("message_id", "\"\"", "invalid_value"),
                arguments("message_id", "\"" + "m".repeat(129) + "\"", "invalid_value"),
                arguments("message_id", "1" + "0".repeat(128), "invalid_value"),
                arguments("channel", "true", "wrong_type"),
                arguments("channel", "42", "wrong_type"),
                arguments("channel", "null", "wrong_type"),
                arguments("channel", "\"\"", "invalid_value"),
                arguments("channel", "\"" + "c".repeat(129) + "\"", "invalid_value"),
                arguments("channel", "\"a\\u0000b\"", "invalid_value"),
                arguments("channel", "\"a\\nb\"", "invalid_value"),
                arguments("timestamp", "1700000000", "wrong_type"),
                arguments("timestamp", "\"2026-11-22T10:15:30\"", "invalid_value"),
                arguments("timestamp", "\"2026-11-22\"", "invalid_value"),
                arguments("timestamp", "\"2026-13-22T10:15:30Z\"", "invalid_value"),
                arguments("timestamp", "\"yesterday\"", "invalid_value"),
                arguments("timestamp", "\"2026-11-22T10:15:30Z" + " ".repeat(60) + "\"", "invalid_value"),
                arguments("timestamp", "\"+294277-01-02T00:00:00Z\"", "invalid_value"),
                arguments("timestamp", "\"+10000-01-01T00:00:00Z\"", "invalid_value"),
                arguments("timestamp", "\"+999999999-12-31T23:59:59Z\"", "invalid_value"),
                arguments("timestamp", "\"0000-12-31T23:59:59Z\"", "invalid_value"),
                arguments("timestamp", "\"-0001-01-01T00:00:00Z\"", "invalid_value"),
                arguments("timestamp", "\"-999999999-01-01T00:00:00+18:00\"", "invalid_value"),
                arguments("message_type", "7", "wrong_type"),
                arguments("message_type", "\"\"", "invalid_value"),
                arguments("message_type", "\"" + "t".repeat(65) + "\"", "invalid_value"),
                arguments("message", "42", "wrong_type"),
                arguments("message", "{\"text\":\"hi\"}", "wrong_type"),
                arguments("message", "\"" + "m".repeat(64 * 1024 + 1) + "\"", "invalid_value"),
                arguments("message", "\"" + "€".repeat(21_846) + "\"", "invalid_value"),
                arguments("meta", "\"{}\"", "wrong_type"),
                arguments("meta", "[]", "wrong_type"));
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @MethodSource("fieldRejections")
    void fieldProblemsAreRejectedWithTheirReasonCodeAndField(String field, String json, String code) {
        ParseResult.Invalid invalid = invalid(parser.parse(utf8(with(field, json))));

        assertThat(invalid.reasonCode()).isEqualTo(code);
        assertThat(invalid.field()).isEqualTo(field);
        assertThat(invalid.detail()).contains(field).hasSizeLessThanOrEqualTo(ParseResult.Invalid.MAX_DETAIL);
    }

    static Stream<Arguments> acceptedEdgeValues() {
        return Stream.of(
                arguments("message_id", "\"" + "m".repeat(128) + "\""),
                arguments("message_id", "-17"),
                arguments("message_id", "123456789012345678901234567890"),
                arguments("channel", "\"c\""),
                arguments("channel", "\"" + "😀".repeat(128) + "\""),
                arguments("timestamp", "\"2026-11-22T10:15:30+01:00\""),
                arguments("timestamp", "\"2026-11-22T10:15:30.123456789-05:30\""),
                arguments("timestamp", "\"0001-01-01T00:00:00Z\""),
                arguments("timestamp", "\"0001-01-01T00:00:00+18:00\""),
                arguments("timestamp", "\"9999-12-31T23:59:59.999999999Z\""),
                arguments("timestamp", "\"9999-12-31T23:59:59.999999999-18:00\""),
                arguments("message_type", "\"" + "t".repeat(64) + "\""),
                arguments("message", "null"),
                arguments("message", "\"" + "m".repeat(64 * 1024) + "\""),
                arguments("message", "\"" + "€".repeat(21_845) + "\""),
                arguments("message", "\"paired escape \\ud83d\\ude00 and escaped backslash \\\\ud800\""),
                arguments("meta", "null"),
                arguments("meta", null),
                arguments("message", null),
                arguments("profile_img", "null"),
                arguments("centralauth_id", "null"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("acceptedEdgeValues")
    void edgeValuesWithinTheLimitsAreAccepted(String field, String json) {
        assertThat(parser.parse(utf8(with(field, json)))).isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void nestingOf64IsAccepted() {
        assertThat(parser.parse(utf8(Events.nestedTo(64)))).isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void valueOfExactly1MiBIsAccepted() {
        String padded = with("pad", "\"" + "p".repeat(ChatEventParser.MAX_VALUE_BYTES - with("pad", "\"\"").length()) + "\"");
        assertThat(utf8(padded)).hasSize(ChatEventParser.MAX_VALUE_BYTES);

        assertThat(parser.parse(utf8(padded))).isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void validEventExposesRoutingFieldsAndTheExactRawText() {
        String raw = "  {\"meta\" : {},\n \"channel\":\"9f1c\", \"message_type\":\"text\", \"message_id\":4711,"
                + "\"timestamp\":\"2026-11-22T11:15:30+01:00\", \"message\":\"h\\u00e9llo 😀\"}\n";

        ChatEvent event = valid(parser.parse(utf8(raw)));

        assertThat(event.channel()).isEqualTo("9f1c");
        assertThat(event.messageId()).isEqualTo("4711");
        assertThat(event.timestamp()).isEqualTo("2026-11-22T11:15:30+01:00");
        assertThat(event.occurredAt().toInstant()).hasToString("2026-11-22T10:15:30Z");
        assertThat(event.messageType()).isEqualTo("text");
        assertThat(event.eventType()).contains(EventType.CHAT_MESSAGE);
        assertThat(event.id()).isEqualTo(EventId.forEvent(raw));
        assertThat(event.rawJson()).isEqualTo(raw);
        assertThat(event.rawJson().getBytes(StandardCharsets.UTF_8)).isEqualTo(utf8(raw));
    }

    @Test
    void unknownFieldsAreKeptInTheRawText() {
        String raw = with("x_future", "{\"nested\":[1,2.50,\"é\"]}");

        assertThat(valid(parser.parse(utf8(raw))).rawJson()).contains("\"x_future\":{\"nested\":[1,2.50,\"é\"]}");
    }

    @Test
    void emojiMessageTypeIsAChatReaction() {
        String raw = with("message_type", "\"emoji\"").replace("\"meta\":{}",
                "\"meta\":{\"target_message_id\":4700,\"reaction\":\"👍\",\"action\":\"add\",\"reactions\":{\"👍\":[\"u-17\"]}}");

        assertThat(valid(parser.parse(utf8(raw))).eventType()).contains(EventType.CHAT_REACTION);
    }

    @Test
    void messageTypeWithoutAnEventTypeIsStillValid() {
        ChatEvent event = valid(parser.parse(utf8(with("message_type", "\"files\""))));

        assertThat(event.eventType()).isEmpty();
        assertThat(event.messageType()).isEqualTo("files");
    }

    @Test
    void integerAndStringMessageIdAreTwoEventsAsReceived() {
        ChatEvent asInt = valid(parser.parse(utf8(with("message_id", "4711"))));
        ChatEvent asString = valid(parser.parse(utf8(with("message_id", "\"4711\""))));

        assertThat(asInt.messageId()).isEqualTo(asString.messageId()).isEqualTo("4711");
        assertThat(asInt.id()).isNotEqualTo(asString.id());
    }

    @Test
    void negativeZeroMessageIdIsCanonicallyZero() {
        assertThat(valid(parser.parse(utf8(with("message_id", "-0")))).messageId()).isEqualTo("0");
    }

    @Test
    void detailNeverEchoesMoreThanASnippetOfTheInput() {
        String secretish = "s3cr3t".repeat(200);
        Stream.of(utf8(secretish), utf8(with("timestamp", "\"" + secretish + "\"")),
                        utf8(with("channel", "\"" + secretish + "\"")), utf8("{\"" + secretish + "\":tru}"),
                        utf8(with(secretish, "1,\"" + secretish + "\":2")))
                .map(parser::parse)
                .map(ChatEventParserTest::invalid)
                .forEach(invalid -> assertThat(invalid.detail()).doesNotContain("s3cr3t".repeat(7)));
    }

    @Test
    void parserNeverThrowsOnRandomBytesOrMutatedEvents() {
        Random random = new Random(20261122);
        byte[] template = utf8(Events.VALID);
        for (int i = 0; i < 5_000; i++) {
            byte[] value = i % 2 == 0 ? randomBytes(random) : mutate(template, random);
            assertThat(parser.parse(value)).isNotNull();
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutate(byte[] template, Random random) {
        byte[] copy = template.clone();
        for (int n = random.nextInt(4); n >= 0; n--) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] h = utf8(head);
        byte[] t = utf8(tail);
        byte[] out = Arrays.copyOf(h, h.length + middle.length + t.length);
        System.arraycopy(middle, 0, out, h.length, middle.length);
        System.arraycopy(t, 0, out, h.length + middle.length, t.length);
        return out;
    }

    static ParseResult.Invalid invalid(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        return (ParseResult.Invalid) result;
    }

    static ChatEvent valid(ParseResult result) {
        assertThat(result).as("%s", result).isInstanceOf(ParseResult.Valid.class);
        return ((ParseResult.Valid) result).event();
    }
}
