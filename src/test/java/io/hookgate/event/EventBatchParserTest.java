package io.hookgate.event;

import static io.hookgate.event.Events.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.event.EventBatchParser.IntakeBody;
import org.assertj.core.groups.Tuple;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class EventBatchParserTest {

    private final EventBatchParser parser = new EventBatchParser(new ChatEventParser());

    @Test
    void singleEventBodyGivesOneResultThatIsNotABatch() {
        IntakeBody.Events events = events(parser.parse(utf8(Events.VALID)));

        assertThat(events.batch()).isFalse();
        assertThat(events.allValid()).isTrue();
        assertThat(ChatEventParserTest.valid(events.results().get(0)).rawJson()).isEqualTo(Events.VALID);
    }

    @Test
    void batchItemsKeepTheirExactBytes() {
        String first = "{ \"message_id\" : 1, \"channel\":\"café\", \"timestamp\":\"2026-11-22T10:15:30Z\","
                + "\"message_type\":\"text\", \"message\":\"é😀\" }";
        String second = Events.with("message_id", "\"2\"");
        String body = "{\"events\" : [\n  " + first + " ,\n\t" + second + "\n]}";

        IntakeBody.Events events = events(parser.parse(utf8(body)));

        assertThat(events.batch()).isTrue();
        assertThat(events.results()).hasSize(2);
        assertThat(ChatEventParserTest.valid(events.results().get(0)).rawJson()).isEqualTo(first);
        assertThat(ChatEventParserTest.valid(events.results().get(1)).rawJson()).isEqualTo(second);
    }

    @Test
    void invalidItemsAreReportedPerItemWithTheirField() {
        String body = "{\"events\":[" + Events.VALID + "," + Events.with("channel", "true") + ",42,"
                + Events.with("timestamp", null) + "]}";

        IntakeBody.Events events = events(parser.parse(utf8(body)));

        assertThat(events.allValid()).isFalse();
        assertThat(events.results().get(0)).isInstanceOf(ParseResult.Valid.class);
        assertThat(events.results().subList(1, 4)).map(r -> (ParseResult.Invalid) r)
                .extracting(ParseResult.Invalid::reasonCode, ParseResult.Invalid::field)
                .containsExactly(Tuple.tuple("wrong_type", "channel"),
                        Tuple.tuple("not_object", null),
                        Tuple.tuple("missing_field", "timestamp"));
    }

    @Test
    void invalidSingleEventIsAFieldErrorNotARejectedBody() {
        IntakeBody.Events events = events(parser.parse(utf8(Events.with("channel", "\"\""))));

        assertThat(events.batch()).isFalse();
        assertThat(((ParseResult.Invalid) events.results().get(0)).field()).isEqualTo("channel");
    }

    @Test
    void batchOf500IsAcceptedAnd501IsRejected() {
        assertThat(events(parser.parse(batchOf(500))).results()).hasSize(500);

        assertThat(rejected(parser.parse(batchOf(501))).reasonCode()).isEqualTo("too_many_events");
    }

    @Test
    void emptyBatchIsRejected() {
        ParseResult.Invalid reason = rejected(parser.parse(utf8("{\"events\":[]}")));

        assertThat(reason.reasonCode()).isEqualTo("invalid_value");
        assertThat(reason.field()).isEqualTo("events");
    }

    @Test
    void eventsThatIsNotAnArrayIsAWrongType() {
        ParseResult.Invalid reason = rejected(parser.parse(utf8("{\"events\":{\"a\":1}}")));

        assertThat(reason.reasonCode()).isEqualTo("wrong_type");
        assertThat(reason.field()).isEqualTo("events");
    }

    @Test
    void malformedOrAmbiguousBodiesAreRejectedAsAWhole() {
        assertThat(rejected(parser.parse(utf8("{\"events\":[" + Events.VALID + "]"))).reasonCode())
                .isEqualTo("not_json");
        assertThat(rejected(parser.parse(utf8("{\"events\":[" + Events.with("x", "1,\"x\":2") + "]}"))).reasonCode())
                .isEqualTo("duplicate_key");
        assertThat(rejected(parser.parse(utf8("[" + Events.VALID + "]"))).reasonCode()).isEqualTo("not_object");
        assertThat(rejected(parser.parse(new byte[ChatEventParser.MAX_VALUE_BYTES + 1])).reasonCode())
                .isEqualTo("too_large");
    }

    @Test
    void eventsKeyBesideOtherKeysIsASingleEventWithAnUnknownField() {
        IntakeBody.Events events = events(parser.parse(utf8(Events.with("events", "[1]"))));

        assertThat(events.batch()).isFalse();
        assertThat(events.allValid()).isTrue();
    }

    private static byte[] batchOf(int n) {
        return utf8("{\"events\":[" + String.join(",", Collections.nCopies(n, Events.VALID)) + "]}");
    }

    private static IntakeBody.Events events(IntakeBody body) {
        assertThat(body).as("%s", body).isInstanceOf(IntakeBody.Events.class);
        return (IntakeBody.Events) body;
    }

    private static ParseResult.Invalid rejected(IntakeBody body) {
        assertThat(body).as("%s", body).isInstanceOf(IntakeBody.Rejected.class);
        return ((IntakeBody.Rejected) body).reason();
    }
}
