package io.hookgate.event;

import static io.hookgate.event.Events.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PayloadFormatterTest {

    private static final String ODD = " {\n  \"timestamp\" :\"2026-11-22T11:15:30+01:00\",\t\"message_type\":\"text\","
            + "\"channel\":\"9f1c\" , \"message_id\":\"4711\",\"message\":\"h\\u00e9llo \\\"you\\\" 😀\","
            + "\"x_unknown\":{\"z\":[3,1,2],\"a\":2432232314},\"big\":1e400,\"meta\":{} }\r\n";

    private final PayloadFormatter formatter = new PayloadFormatter();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void standardBodyWrapsTheRawEventByteForByte() {
        byte[] body = formatter.standard("chat.message", "2026-11-22T11:15:30+01:00", ODD);

        String expected = "{\"type\":\"chat.message\",\"timestamp\":\"2026-11-22T11:15:30+01:00\",\"data\":" + ODD + "}";
        assertThat(body).isEqualTo(utf8(expected));
    }

    @Test
    void standardBodyIsJsonWithTypeTimestampAndTheEventAsData() throws IOException {
        JsonNode body = mapper.readTree(formatter.standard("chat.message", "2026-11-22T11:15:30+01:00", ODD));

        assertThat(body.fieldNames()).toIterable().containsExactly("type", "timestamp", "data");
        assertThat(body.path("type").asText()).isEqualTo("chat.message");
        assertThat(body.at("/data/message").asText()).isEqualTo("héllo \"you\" 😀");
        assertThat(body.at("/data/x_unknown/a").asLong()).isEqualTo(2432232314L);
    }

    @Test
    void standardBodyOfAParsedEventUsesTheTimestampAsReceived() {
        ChatEvent event = ChatEventParserTest.valid(new ChatEventParser().parse(utf8(ODD)));

        byte[] body = formatter.standard(EventType.CHAT_MESSAGE, event);

        assertThat(new String(body, StandardCharsets.UTF_8))
                .startsWith("{\"type\":\"chat.message\",\"timestamp\":\"2026-11-22T11:15:30+01:00\",\"data\": {\n")
                .endsWith("}\r\n}");
    }

    @Test
    void standardBodyEscapesTypeAndTimestamp() throws IOException {
        byte[] body = formatter.standard("a\"b\\c", "t\n", "{}");

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"a\\\"b\\\\c\",\"timestamp\":\"t\\n\",\"data\":{}}");
        assertThat(mapper.readTree(body).path("type").asText()).isEqualTo("a\"b\\c");
    }

    @Test
    void eventyayBodySortsKeysRecursivelyAndIsCompact() {
        String raw = "{ \"b\" : 1, \"a\" : { \"d\" : [ {\"z\":1, \"y\":[{\"q\":0,\"p\":0}]} ], \"c\" : null },"
                + " \"aa\": true, \"A\": false }";

        assertThat(eventyay(raw)).isEqualTo("{\"A\":false,\"a\":{\"c\":null,\"d\":[{\"y\":[{\"p\":0,\"q\":0}],\"z\":1}]},"
                + "\"aa\":true,\"b\":1}");
    }

    @Test
    void eventyayBodyKeepsNumbersExactlyAsWritten() {
        String raw = "{\"i\":2432232314,\"big\":123456789012345678901234567890,\"huge\":1e400,\"E\":1E-7,"
                + "\"neg0\":-0.0,\"scale\":1.50,\"neg\":-17,\"arr\":[0.1,2.50e+3]}";

        assertThat(eventyay(raw)).isEqualTo("{\"E\":1E-7,\"arr\":[0.1,2.50e+3],\"big\":123456789012345678901234567890,"
                + "\"huge\":1e400,\"i\":2432232314,\"neg\":-17,\"neg0\":-0.0,\"scale\":1.50}");
    }

    @Test
    void eventyayBodyWritesNonAsciiAsUtf8AndEscapesOnlyWhatJsonRequires() {
        String raw = "{\"m\":\"h\\u00e9llo 😀 \\ud83d\\ude00 ✓ \\\"q\\\" \\\\ \\/ \\u0001 \\n\"}";

        assertThat(eventyay(raw)).isEqualTo("{\"m\":\"héllo 😀 😀 ✓ \\\"q\\\" \\\\ / \\u0001 \\n\"}");
    }

    @Test
    void eventyayBodySortsKeysByCodePointLikePython() {
        // UTF-16 order would put U+1F600 (a surrogate pair, 0xD83D...) before U+FB01
        String raw = "{\"😀\":1,\"ﬁ\":2,\"z\":3,\"é\":4}";

        assertThat(eventyay(raw)).isEqualTo("{\"z\":3,\"é\":4,\"ﬁ\":2,\"😀\":1}");
    }

    @Test
    void unknownFieldsAreDeliveredInBothFormats() {
        String raw = Events.with("x_future", "{\"k\":[1,{\"v\":\"w\"}]}");

        assertThat(new String(formatter.standard("chat.message", "2026-11-22T10:15:30Z", raw), StandardCharsets.UTF_8))
                .contains("\"x_future\":{\"k\":[1,{\"v\":\"w\"}]}");
        assertThat(eventyay(raw)).contains("\"x_future\":{\"k\":[1,{\"v\":\"w\"}]}");
    }

    @Test
    void bothFormatsGiveTheSameBytesEveryTime() {
        byte[] standard = formatter.standard("chat.message", "2026-11-22T11:15:30+01:00", ODD);
        byte[] eventyay = formatter.eventyay(ODD);
        for (int i = 0; i < 100; i++) {
            PayloadFormatter fresh = new PayloadFormatter();
            assertThat(fresh.standard("chat.message", "2026-11-22T11:15:30+01:00", ODD)).isEqualTo(standard);
            assertThat(fresh.eventyay(ODD)).isEqualTo(eventyay);
        }
    }

    @Test
    void eventyayBodyIsIdempotent() {
        byte[] once = formatter.eventyay(ODD);

        assertThat(formatter.eventyay(new String(once, StandardCharsets.UTF_8))).isEqualTo(once);
    }

    @Test
    void pingBodyIsAStandardEnvelopeWithTheSubscriptionId() {
        byte[] body = formatter.ping("sub_01J\"x", Instant.parse("2026-11-22T10:15:30.123456Z"));

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"webhook.ping\","
                + "\"timestamp\":\"2026-11-22T10:15:30.123Z\",\"data\":{\"subscription_id\":\"sub_01J\\\"x\"}}");
    }

    @Test
    void pingDataIsAJsonObjectWithTheSubscriptionId() throws IOException {
        assertThat(mapper.readTree(PayloadFormatter.pingData("sub_1")).path("subscription_id").asText())
                .isEqualTo("sub_1");
    }

    private String eventyay(String raw) {
        return new String(formatter.eventyay(raw), StandardCharsets.UTF_8);
    }
}
